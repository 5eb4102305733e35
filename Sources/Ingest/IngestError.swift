/// Why a source could not be read to its end, worded for the person who has to fix it.
public enum IngestError: Error, CustomStringConvertible {
    case cannotRead(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotRead(let path, let reason):
            "cannot read '\(path)': \(reason) (check the path and permissions)"
        }
    }
}
