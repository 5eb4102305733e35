import CSQLite3

/// One SQLite connection. Not `Sendable`: a connection belongs to one thread or one actor at a time.
public final class Database {
    public enum Mode: Sendable {
        case readWrite
        case readWriteCreate
        case readOnly
    }

    let handle: OpaquePointer
    public let path: String

    /// Opens `path` with foreign keys on and a busy timeout, so a reader in the sqlite3 shell
    /// makes a writer wait instead of fail.
    public init(path: String, mode: Mode = .readWriteCreate, busyTimeoutMilliseconds: Int32 = 10_000) throws(SQLiteError) {
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        switch mode {
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        }
        var connection: OpaquePointer?
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            // SQLite hands back a handle even when open fails; it must still be closed.
            let error = SQLiteError(db: connection, code: code, sql: nil)
            sqlite3_close_v2(connection)
            throw error
        }
        handle = connection
        self.path = path
        do {
            try SQLiteError.check(sqlite3_busy_timeout(handle, busyTimeoutMilliseconds), handle)
            try execute("PRAGMA foreign_keys = ON")
        } catch {
            sqlite3_close_v2(handle)
            throw error
        }
    }

    deinit {
        if passiveCheckpointOnClose {
            sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
        }
        sqlite3_close_v2(handle)
    }

    /// The last connection to close a WAL database normally checkpoints it and deletes the WAL
    /// under an exclusive lock, and a sqlite3 shell opening the file at that moment (without
    /// `.timeout`) fails with "database is locked". After this call, closing takes no lock: a
    /// passive checkpoint (which never blocks readers) is run instead, and the WAL file stays.
    public func checkpointWithoutLockingOnClose() throws(SQLiteError) {
        try SQLiteError.check(csqlite3_no_checkpoint_on_close(handle), handle)
        passiveCheckpointOnClose = true
    }

    private var passiveCheckpointOnClose = false

    /// True when SQLite could open the file for reading only (its permissions, an immutable file, a
    /// read-only mount): SQLite then opens it read-only without an error, and only a write fails.
    public var isReadOnly: Bool {
        sqlite3_db_readonly(handle, "main") == 1
    }

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String) throws(SQLiteError) {
        try SQLiteError.check(sqlite3_exec(handle, sql, nil, nil, nil), handle, sql: sql)
    }

    public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction: committed when it returns, rolled back when it throws.
    /// IMMEDIATE takes the write lock up front, so a busy database waits in the busy handler
    /// rather than failing half-way through.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        let result: T
        do {
            result = try body()
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
        do {
            try execute("COMMIT")
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
        return result
    }

    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// The first column of the first row of `sql`, or nil when there is no row or it is NULL.
    public func scalarText(_ sql: String) throws(SQLiteError) -> String? {
        let statement = try prepare(sql)
        return try statement.step() ? statement.text(at: 0) : nil
    }

    public func scalarInt(_ sql: String) throws(SQLiteError) -> Int64? {
        let statement = try prepare(sql)
        guard try statement.step(), !statement.isNull(at: 0) else { return nil }
        return statement.int64(at: 0)
    }

    public func tableExists(_ name: String) throws(SQLiteError) -> Bool {
        let statement = try prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
        statement.bind(name, at: 1)
        return try statement.step()
    }
}
