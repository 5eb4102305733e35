import SQLite

extension Database {
    /// Every row of `sql`, each column as text (NULL as nil).
    public func rows(_ sql: String) throws -> [[String?]] {
        let statement = try prepare(sql)
        var rows: [[String?]] = []
        while try statement.step() { rows.append((0..<statement.columnCount).map { statement.text(at: $0) }) }
        return rows
    }

    /// The first column of every row of `sql`, as text (NULL as "").
    public func column(_ sql: String) throws -> [String] {
        try rows(sql).map { $0[0] ?? "" }
    }
}
