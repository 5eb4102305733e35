import CSQLite3

// SQLite copies the bound value before the bind call returns; the C macro is not imported into Swift.
private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A prepared statement, meant to be prepared once and reused: `reset()`, bind, `step()`.
/// Parameters are 1-based and columns 0-based, as in SQLite's C API.
public final class Statement {
    let handle: OpaquePointer
    // Keeps the connection open for as long as one of its statements lives.
    let database: Database
    public let sql: String

    init(database: Database, sql: String) throws(SQLiteError) {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw SQLiteError(db: database.handle, code: code, sql: sql)
        }
        self.handle = statement
        self.database = database
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Readies the statement for another run and drops every binding.
    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Runs one step: true when a row is ready to read, false when the statement is done.
    @discardableResult
    public func step() throws(SQLiteError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = SQLiteError(db: database.handle, code: code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Runs to completion, then resets (dropping the bindings), for statements that return no rows.
    public func run() throws(SQLiteError) {
        defer { reset() }
        while try step() {}
    }

    // MARK: Binding
    // A bind fails only on a wrong index or a value past SQLite's limits; it is checked all the
    // same, so such a statement never runs with a parameter silently left NULL.

    public func bind(_ value: Int64, at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    public func bind(_ value: Int64?, at index: Int32) throws(SQLiteError) {
        try check(value.map { sqlite3_bind_int64(handle, index, $0) } ?? sqlite3_bind_null(handle, index))
    }

    public func bind(_ value: Bool, at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_int64(handle, index, value ? 1 : 0))
    }

    public func bind(_ value: String?, at index: Int32) throws(SQLiteError) {
        guard var value else {
            try check(sqlite3_bind_null(handle, index))
            return
        }
        try check(value.withUTF8 { text in bindTextCode(UnsafeRawBufferPointer(text), at: index) })
    }

    /// Binds UTF-8 bytes as TEXT without making a Swift String of them first.
    public func bindText(_ utf8: UnsafeRawBufferPointer, at index: Int32) throws(SQLiteError) {
        try check(bindTextCode(utf8, at: index))
    }

    /// Binds UTF-8 bytes as TEXT without copying them: they must stay where they are, unchanged,
    /// until the statement has run and been reset. For the hot path, from a `TextArena`.
    public func bindTextInPlace(_ utf8: UnsafeRawBufferPointer, at index: Int32) throws(SQLiteError) {
        guard let base = utf8.baseAddress, !utf8.isEmpty else { return try check(bindTextCode(utf8, at: index)) }
        try check(sqlite3_bind_text(handle, index, base.assumingMemoryBound(to: CChar.self), Int32(utf8.count), nil))
    }

    private func bindTextCode(_ utf8: UnsafeRawBufferPointer, at index: Int32) -> Int32 {
        // A NULL pointer would bind NULL; the empty string is text.
        guard let base = utf8.baseAddress, !utf8.isEmpty else { return sqlite3_bind_text(handle, index, "", 0, SQLITE_TRANSIENT) }
        return sqlite3_bind_text(handle, index, base.assumingMemoryBound(to: CChar.self), Int32(utf8.count), SQLITE_TRANSIENT)
    }

    public func bindBlob(_ bytes: UnsafeRawBufferPointer?, at index: Int32) throws(SQLiteError) {
        guard let bytes else {
            try check(sqlite3_bind_null(handle, index))
            return
        }
        // A zero-length blob is still a blob, not NULL.
        try check(sqlite3_bind_blob(handle, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count), SQLITE_TRANSIENT))
    }

    private func check(_ code: Int32) throws(SQLiteError) {
        if code != SQLITE_OK { throw SQLiteError(db: database.handle, code: code, sql: sql) }
    }

    // MARK: Reading

    public var columnCount: Int32 { sqlite3_column_count(handle) }

    public func isNull(at index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    public func int64(at index: Int32) -> Int64 {
        sqlite3_column_int64(handle, index)
    }

    public func optionalInt64(at index: Int32) -> Int64? {
        isNull(at: index) ? nil : sqlite3_column_int64(handle, index)
    }

    public func text(at index: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, index) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeRawBufferPointer(start: text, count: count), as: UTF8.self)
    }

    public func blob(at index: Int32) -> [UInt8]? {
        guard !isNull(at: index) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, index))
        guard count > 0, let bytes = sqlite3_column_blob(handle, index) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }
}

extension Statement {
    /// Rows the last completed run of this statement inserted, updated or deleted.
    public var changes: Int { Int(sqlite3_changes64(database.handle)) }

    /// The rowid of the connection's last successful insert.
    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(database.handle) }
}
