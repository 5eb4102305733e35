import SQLite

/// `origins`: each source's name stored once, events pointing at it by number.
struct Origins {
    private let insert: Statement
    private let find: Statement
    private var numbers: [String: Int64] = [:]

    init(_ db: Database) throws(SQLiteError) {
        insert = try db.prepare("INSERT INTO origins (origin) VALUES (?) ON CONFLICT (origin) DO NOTHING")
        find = try db.prepare("SELECT origin_no FROM origins WHERE origin = ?")
    }

    mutating func number(of origin: String) throws(SQLiteError) -> Int64 {
        if let number = numbers[origin] { return number }
        try insert.bind(origin, at: 1)
        try insert.run()
        defer { find.reset() }
        try find.bind(origin, at: 1)
        guard try find.step() else { preconditionFailure("origins has no row for the origin just stored") }
        let number = find.int64(at: 0)
        numbers[origin] = number
        return number
    }

    /// After a rolled-back batch: an origin numbered in it is gone again.
    mutating func forgetAll() {
        numbers.removeAll()
    }
}
