import CSQLite3

/// The primary result codes astercdr tells apart, by name rather than by number.
public enum ResultCode: Int32, Sendable {
    case busy = 5           // SQLITE_BUSY
    case locked = 6         // SQLITE_LOCKED
    case readOnly = 8       // SQLITE_READONLY
    case ioError = 10       // SQLITE_IOERR
    case corrupt = 11       // SQLITE_CORRUPT
    case full = 13          // SQLITE_FULL
    case cantOpen = 14      // SQLITE_CANTOPEN
    case notADatabase = 26  // SQLITE_NOTADB
}

extension SQLiteError {
    /// The primary code by name; nil for a code astercdr does not tell apart.
    public var code: ResultCode? { ResultCode(rawValue: primaryCode) }
}
