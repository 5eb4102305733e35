import CallEvents
import CallStore
import SQLite

/// The read side of an astercdr database: listings, one call, and the supervisor's reports,
/// each streamed from SQL to a format as its rows come.
public final class CallReports {
    let database: StoreReader
    /// The database's zone, where `--from` and `--to` become moments.
    let clock: ZoneClock

    /// Reads `store` through its read-only side.
    public init(_ store: CallStore) throws(StoreError) {
        database = try store.reader()
        clock = ZoneClock(store.zone)
    }

    /// `report KIND`: one pass of SQL aggregates over the calls `filter` matches.
    /// `serviceLevelTarget` (percent) is the line an HTML page's service-level chart is drawn against.
    public func writeReport(
        _ kind: ReportKind, filter: CallFilter, serviceLevel: Int = 20, serviceLevelTarget: Int = 80, format: OutputFormat, to sink: TextSink
    ) throws(SQLiteError) {
        try inSnapshot { () throws(SQLiteError) in
            if let grouping = kind.grouping {
                let page = grouping.pageShape(filter, target: serviceLevelTarget)
                try writeSummary(grouping, filter: filter, serviceLevel: serviceLevel, format: format, page: page, to: sink)
            } else {
                try writeAgents(filter: filter, format: format, to: sink)
            }
        }
    }

    private func writeSummary(
        _ grouping: Grouping, filter: CallFilter, serviceLevel: Int, format: OutputFormat, page: PageShape, to sink: TextSink
    ) throws(SQLiteError) {
        var parameters = SQLParameters()
        let statement = try database.prepare(SummaryQuery.sql(grouping, filter: filter, serviceLevel: serviceLevel, &parameters))
        try parameters.bind(to: statement)
        let keys = grouping.keyColumns
        let figures = CallTally.columns(serviceLevel: serviceLevel)
        let writer = format.writer(sink, table: grouping.tableShape(), page: page)
        writer.begin(keys + figures)
        var total = CallTally()
        while try statement.step() {
            let tally = CallTally(statement, at: Int32(keys.count))
            total += tally
            writer.write(statement.values(keys) + tally.figures)
        }
        writer.finish(totals: grouping == .none ? nil : Self.totalsKey(keys.count) + total.figures)
    }

    private func writeAgents(filter: CallFilter, format: OutputFormat, to sink: TextSink) throws(SQLiteError) {
        let rows = try AgentRows(database: database, clock: clock).read(filter)
        let writer = format.writer(sink, table: TableShape(shown: AgentTally.tableColumns), page: AgentTally.pageShape(filter))
        writer.begin(AgentTally.columns)
        var total = AgentTally()
        for agent in rows.keys.sorted(by: AgentOrdering.precedes) {
            let tally = rows[agent]!
            total += tally
            writer.write([ReportValue(agent)] + tally.figures)
        }
        writer.finish(totals: Self.totalsKey(1) + total.figures)
    }

    /// The key cells of a totals row: `total` under the first key.
    static func totalsKey(_ count: Int) -> [ReportValue] {
        [.text("total")] + Array(repeating: .text(""), count: max(0, count - 1))
    }

    func inSnapshot<T>(_ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        try database.snapshot(body)
    }
}
