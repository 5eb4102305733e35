import CSQLite3
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One SQLite connection. Not `Sendable`: a connection belongs to one thread or one actor at a time.
public final class Database {
    public enum Mode: Sendable {
        case readWriteCreate
        case readOnly
        /// Read-only, and SQLite assumes nobody changes the file: no locks, no `-shm`, and the WAL is
        /// ignored. Only for a database whose folder does not let SQLite create its `-shm` file.
        case immutable
    }

    let handle: OpaquePointer
    public let path: String

    /// Opens `path` with foreign keys on and a busy timeout, so a reader in the sqlite3 shell
    /// makes a writer wait instead of fail.
    public init(path: String, mode: Mode = .readWriteCreate, busyTimeoutMilliseconds: Int32 = 10_000) throws(SQLiteError) {
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        var name = path
        switch mode {
        case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .immutable:
            flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
            name = "file:" + Self.uriPath(path) + "?immutable=1"
        }
        _ = Self.configured
        var connection: OpaquePointer?
        let code = sqlite3_open_v2(name, &connection, flags, nil)
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
            try SQLiteError.check(csqlite3_set_lookaside(handle, 512, 512), handle)
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
        // Only after the connection is closed: closing any descriptor of the file drops every
        // POSIX lock this process holds on it, SQLite's own included.
        if let writerLock { close(writerLock) }
    }

    /// Process-wide settings, applied once before the first connection opens.
    private static let configured: Void = {
        _ = csqlite3_disable_memory_statistics()
    }()

    /// Takes the operating system's lock that says "one writer": an exclusive `flock` on the database
    /// file, held until this connection closes and released by the kernel when the process dies,
    /// however it dies. SQLite locks with POSIX record locks, which `flock` does not touch, so readers
    /// and the sqlite3 shell never wait for it. False when another process holds it.
    public func lockAsOnlyWriter() throws(SQLiteError) -> Bool {
        precondition(writerLock == nil, "the writer lock is already held")
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw SQLiteError(extendedCode: ResultCode.cantOpen.rawValue, message: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let message = String(cString: strerror(errno))
            close(descriptor)
            if busy { return false }
            throw SQLiteError(extendedCode: ResultCode.ioError.rawValue, message: message)
        }
        writerLock = descriptor
        return true
    }

    private var writerLock: Int32?

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
    public func transaction<T>(_ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Changes whenever another connection commits to the database (`PRAGMA data_version`); a
    /// connection's own commits leave it as it is.
    public func dataVersion() throws(SQLiteError) -> Int64 {
        try scalarInt("PRAGMA data_version") ?? 0
    }

    /// A path as the path part of a `file:` URI.
    private static func uriPath(_ path: String) -> String {
        var escaped = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "%"), 0..<0x20, 0x7F...:
                escaped += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            default:
                escaped.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return escaped
    }

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
        try statement.bind(name, at: 1)
        return try statement.step()
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

// A connection belongs to one thread or one actor at a time.
@available(*, unavailable)
extension Database: Sendable {}
