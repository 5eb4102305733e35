import SQLite

/// What went wrong with the database, worded for the person who has to fix it.
public enum StoreError: Error, CustomStringConvertible {
    case cannotOpen(path: String, SQLiteError)
    case missing(path: String)
    case readOnly(path: String)
    case anotherIngester(path: String)
    case needsUpgrade(path: String, found: Int, current: Int)
    case unfinishedUpgrade(path: String)
    case walUnreadable(path: String)
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
        case .anotherIngester(let path):
            "database '\(path)' is already being written by another astercdr ingest (one ingester per database: stop the other one, or give this one its own --db)"
        case .needsUpgrade(let path, let found, let current):
            "database '\(path)' has schema version \(found), older than this program's \(current); a report never writes, so upgrade it first with `astercdr upgrade --db \(path)` (or let `astercdr ingest` upgrade it)"
        case .unfinishedUpgrade(let path):
            "database '\(path)' was upgraded, but its call records and agent states were not yet filled in from its events (the upgrade was stopped); a report never writes, so finish it first with `astercdr upgrade --db \(path)`"
        case .walUnreadable(let path):
            "cannot read database '\(path)': its folder does not let SQLite create '\(path)-shm', and '\(path)-wal' holds rows not yet in the database file (open it where it is writable once, or copy the .db, -wal and -shm files to a writable folder)"
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
        switch error.code {
        case .cantOpen: "check the path and permissions"
        case .notADatabase: "it is not an SQLite database; check the path"
        case .readOnly: "the file is read-only; check its permissions"
        case .full: "the disk is full; free some space"
        case .busy, .locked: "another program holds the database locked; try again"
        case .ioError: "check the disk, its free space and the file-size limit (ulimit -f)"
        case .corrupt: "the database file is damaged; restore it from a backup"
        case nil: "SQLite code \(error.extendedCode)"
        }
    }
}
