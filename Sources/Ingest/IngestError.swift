/// Why a source could not be read to its end, worded for the person who has to fix it.
public enum IngestError: Error, CustomStringConvertible {
    case cannotRead(path: String, reason: String)
    /// `path` is the file `first` already names (the same path, a symlink or a hard link).
    case namedTwice(path: String, first: String)

    public var description: String {
        switch self {
        case .cannotRead(let path, let reason):
            "cannot read '\(path)': \(reason) (check the path and permissions)"
        case .namedTwice(let path, let first):
            "'\(path)' is the same file as '\(first)' (named twice, or through a symlink or hard link): name each file once"
        }
    }
}
