import CallStore
import SQLite

/// One call as `astercdr call` shows it: its record (nil while it is not assembled), its parties
/// and its events in session order, duplicates included.
struct CallDetail {
    var call: [ReportValue]?
    var parties: [[ReportValue]] = []
    var events: [[ReportValue]] = []

    var isEmpty: Bool {
        call == nil && events.isEmpty
    }

    init(_ database: StoreReader, sessionid: String) throws(SQLiteError) {
        call = try Self.rows(database, TableColumns.calls, "calls", "", sessionid).first
        parties = try Self.rows(database, TableColumns.parties, "call_parties", "ORDER BY t.party", sessionid)
        events = try Self.rows(database, TableColumns.events, "events", "ORDER BY t.event_epoch, t.raw_id", sessionid)
    }

    private static func rows(_ database: StoreReader, _ columns: [Column], _ table: String, _ order: String, _ sessionid: String) throws(SQLiteError) -> [[ReportValue]] {
        let statement = try database.prepare("SELECT \(columns.selectList("t")) FROM \(table) t WHERE t.sessionid = ?1 \(order)")
        try statement.bind(sessionid, at: 1)
        var rows: [[ReportValue]] = []
        while try statement.step() { rows.append(statement.values(columns)) }
        return rows
    }
}

extension CallReports {
    /// `call SESSIONID`. False when the database has neither a record nor an event of that session.
    /// One call has no HTML page (the command refuses `html`): it is written as the table.
    public func writeCall(_ sessionid: String, format: OutputFormat, to sink: TextSink) throws(SQLiteError) -> Bool {
        let detail = try inSnapshot { () throws(SQLiteError) in try CallDetail(database, sessionid: sessionid) }
        guard !detail.isEmpty else { return false }
        switch format {
        case .json:
            let parties = detail.parties.map { JSONRowWriter.object(TableColumns.parties, $0) }
            let events = detail.events.map { JSONRowWriter.object(TableColumns.events, $0) }
            sink.write("{\"call\":" + (detail.call.map { JSONRowWriter.object(TableColumns.calls, $0) } ?? "null")
                + ",\n\"parties\":[" + parties.joined(separator: ",\n") + "]"
                + ",\n\"events\":[" + events.joined(separator: ",\n") + "]}\n")
        case .csv:
            // Three tables, each with its header, a blank line apart.
            let blocks: [([Column], [[ReportValue]])] = [
                (TableColumns.calls, detail.call.map { [$0] } ?? []),
                (TableColumns.parties, detail.parties),
                (TableColumns.events, detail.events),
            ]
            for (index, (columns, rows)) in blocks.enumerated() {
                if index > 0 { sink.write("\r\n") }
                let writer = CSVRowWriter(sink)
                writer.begin(columns)
                rows.forEach(writer.write)
            }
        case .table, .html:
            CallDetailTable(detail).write(to: sink)
        }
        return true
    }
}
