import SQLite

extension CallReports {
    /// The columns a `calls` table shows; csv and json have every column of `calls`.
    static let listingTable = ["start_time", "direction", "disposition", "customer_number", "agent_number", "wait_seconds", "talk_seconds", "sessionid"]

    /// `calls`: the records `filter` matches, newest first (by `start_time`), at most `limit` of
    /// them (nil: all), streamed from SQLite to `sink`.
    public func writeCalls(filter: CallFilter, limit: Int?, format: OutputFormat, to sink: TextSink) throws(SQLiteError) {
        let columns = TableColumns.calls
        var parameters = SQLParameters()
        let whereClause = filter.whereClause(on: "c", &parameters, newestFirst: true)
        // One row past the limit tells whether there were more.
        let limitPlaceholder = parameters.add(.integer(limit.map { Int64($0) + 1 } ?? -1))
        // call_records_by_start holds (start_time, session_no): the order is read off the index, and
        // the scan stops at the limit.
        let sql = "SELECT \(columns.selectList("c")) FROM calls c \(whereClause) ORDER BY c.start_time DESC, c.session_no DESC LIMIT \(limitPlaceholder)"
        try inSnapshot { () throws(SQLiteError) in
            let statement = try database.prepare(sql)
            try parameters.bind(to: statement)
            let page = PageShape(heading: "Calls", scope: filter.scope + " Newest first.")
            let writer = format.writer(sink, table: TableShape(shown: Self.listingTable), page: page)
            writer.begin(columns)
            let complete = columns.firstIndex { $0.name == "complete" }!
            let disposition = columns.firstIndex { $0.name == "disposition" }!
            var written = 0
            var anyOpen = false
            while try statement.step() {
                if let limit, written == limit {
                    writer.note("(the \(limit) newest shown; --limit N shows more, --limit 0 all)")
                    break
                }
                var row = statement.values(columns)
                if format == .table, row[complete] == .integer(0), case .text(let text) = row[disposition] {
                    row[disposition] = .text(text + "*")
                    anyOpen = true
                }
                writer.write(row)
                written += 1
            }
            if anyOpen { writer.note("* still open: no CONVERSATION hangup yet (complete = 0)") }
            if written == 0 { writer.note("(no calls match)") }
            writer.finish()
        }
    }
}
