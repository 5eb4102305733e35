import CSQLite3

/// A failed SQLite call: the extended result code, SQLite's message and the SQL that failed.
public struct SQLiteError: Error, Equatable, CustomStringConvertible {
    /// The extended result code (`SQLITE_BUSY_SNAPSHOT`, `SQLITE_CONSTRAINT_UNIQUE`, ...).
    public let extendedCode: Int32
    public let message: String
    public let sql: String?

    public init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    /// The primary result code, for matching families of errors (`SQLITE_BUSY`, `SQLITE_CONSTRAINT`).
    public var primaryCode: Int32 { extendedCode & 0xFF }

    public var description: String {
        let code = String(cString: sqlite3_errstr(extendedCode))
        var text = message == code ? message : "\(message) (\(code))"
        if let sql { text += " in SQL: \(sql)" }
        return text
    }

    static func check(_ code: Int32, _ db: OpaquePointer?, sql: String? = nil) throws(SQLiteError) {
        guard code != SQLITE_OK && code != SQLITE_ROW && code != SQLITE_DONE else { return }
        throw SQLiteError(db: db, code: code, sql: sql)
    }

    init(db: OpaquePointer?, code: Int32, sql: String?) {
        let extended = db.map { sqlite3_extended_errcode($0) } ?? code
        let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
        self.init(extendedCode: extended, message: message, sql: sql)
    }
}
