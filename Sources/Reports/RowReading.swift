import SQLite

extension Statement {
    /// The current row's columns from `offset` on, read as `columns` say.
    func values(_ columns: [Column], from offset: Int32 = 0) -> [ReportValue] {
        columns.enumerated().map { index, column in
            let at = offset + Int32(index)
            return column.kind == .text ? ReportValue(text(at: at)) : ReportValue(optionalInt64(at: at))
        }
    }

    /// A count or sum that SQL gives as NULL over no rows.
    func count(at index: Int32) -> Int64 {
        optionalInt64(at: index) ?? 0
    }
}

extension Array where Element == Column {
    /// `alias.a, alias.b, ...`
    func selectList(_ alias: String) -> String {
        map { "\(alias).\($0.name)" }.joined(separator: ", ")
    }
}
