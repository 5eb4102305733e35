/// Something the person running astercdr should know about a file, that does not stop its reading.
public enum FileNotice: Sendable, Equatable, CustomStringConvertible {
    /// The stored position of `path` was taken from another file, or from this one before it was
    /// truncated or rewritten: the file is read from its start.
    case storedPositionNotThisFile(path: String, FileCursor.Mismatch)
    /// An earlier run read this very file (same device and inode) as `storedOrigin`: reading goes on
    /// from that cursor's `offset` instead of storing its lines twice.
    case readUnderAnotherName(path: String, storedOrigin: String, offset: Int64)

    public var description: String {
        switch self {
        case .storedPositionNotThisFile(let path, let mismatch):
            "'\(path)' is not the file its stored position was taken from (\(Self.words(for: mismatch))): reading it from the start"
        case .readUnderAnotherName(let path, let storedOrigin, let offset):
            "'\(path)' is the file an earlier run read as '\(storedOrigin.dropFirst("file:".count))' (same device and inode): "
                + "going on from that position (byte \(offset)) instead of reading it again"
        }
    }

    private static func words(for mismatch: FileCursor.Mismatch) -> String {
        switch mismatch {
        case .anotherFile: "another inode: rotated or replaced"
        case .truncated(let size): "now \(size) bytes, shorter than the stored position: truncated"
        case .rewritten: "its first bytes differ: rewritten"
        }
    }
}
