import SQLite

/// What went wrong with the database, worded for the person who has to fix it.
public enum StoreError: Error, CustomStringConvertible {
    case cannotOpen(path: String, SQLiteError)
    case missing(path: String)
    case readOnly(path: String)
    case newerSchema(path: String, MigrationError)
    case unknownTimeZone(String)
    case timeZoneMismatch(path: String, stored: String, requested: String)
    case failed(path: String, SQLiteError)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let error):
            "cannot open database '\(path)': \(error.message) (\(Self.advice(for: error)))"
        case .missing(let path):
            "no database at '\(path)' (run `astercdr ingest` first, or name one with --db or $ASTERCDR_DB)"
        case .readOnly(let path):
            "cannot write to database '\(path)': it can only be opened read-only (check the permissions of the file, its -wal and -shm files and its folder, and that its file system is mounted read-write)"
        case .newerSchema(let path, let error):
            "cannot use database '\(path)': \(error)"
        case .unknownTimeZone(let name):
            "unknown time zone '\(name)' (use an IANA name such as Asia/Shanghai or UTC)"
        case .timeZoneMismatch(let path, let stored, let requested):
            "database '\(path)' keeps its times in \(stored), not \(requested) (leave out --timezone, or use another database for \(requested))"
        case .failed(let path, let error):
            "database '\(path)': \(error.message) (\(Self.advice(for: error)))"
        }
    }

    private static func advice(for error: SQLiteError) -> String {
        switch error.primaryCode {
        case 14: "check the path and permissions"                                  // SQLITE_CANTOPEN
        case 26: "it is not an SQLite database; check the path"                   // SQLITE_NOTADB
        case 8: "the file is read-only; check its permissions"                    // SQLITE_READONLY
        case 13: "the disk is full; free some space"                               // SQLITE_FULL
        case 5, 6: "another program holds the database locked; try again"         // SQLITE_BUSY, SQLITE_LOCKED
        case 10: "check the disk, its free space and the file-size limit (ulimit -f)" // SQLITE_IOERR
        case 11: "the database file is damaged; restore it from a backup"         // SQLITE_CORRUPT
        default: "SQLite code \(error.extendedCode)"
        }
    }
}
