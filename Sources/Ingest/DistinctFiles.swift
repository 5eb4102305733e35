import Glibc

/// The files named for one run must be distinct: a file named twice, or again through a symlink or
/// a hard link, would be read twice, its lines stored under two origins.
public enum DistinctFiles {
    /// Throws for the first path that is a file named before it. Paths that cannot be read are left
    /// for the ingest to report; `-` (standard input) is not a file.
    public static func check(_ paths: [String]) throws(IngestError) {
        var seen: [[UInt64]: String] = [:]
        for path in paths where path != "-" {
            var status = stat()
            guard stat(path, &status) == 0 else { continue }
            let identity = [UInt64(status.st_dev), UInt64(status.st_ino)]
            if let first = seen[identity] { throw .namedTwice(path: path, first: first) }
            seen[identity] = path
        }
    }
}
