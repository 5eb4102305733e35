import CallEvents
import Foundation
import SQLite

extension CallReports {
    /// `now`: the floor at `time` in the database's zone (nil: this moment), as a table or as
    /// SPEC 6.5's JSON object.
    public func writeNow(at time: CivilTime?, serviceLevel: Int = 20, format: OutputFormat, to sink: TextSink) throws(SQLiteError) {
        let snapshot = try floor(at: time, serviceLevel: serviceLevel)
        FloorSnapshotWriter(snapshot: snapshot, clock: clock, serviceLevel: serviceLevel).write(format, to: sink)
    }

    /// The wallboard's JSON (docs/http.md): `{"now": what `now --format json` prints, "today_by_hour":
    /// [the hourly report's row of each hour of the day so far]}`, read in one read transaction.
    /// Returns the moment it shows (epoch seconds).
    @discardableResult
    public func writeWallboard(at time: CivilTime?, serviceLevel: Int = 20, to sink: TextSink) throws(SQLiteError) -> Int64 {
        let snapshot = try floor(at: time, serviceLevel: serviceLevel)
        FloorSnapshotWriter(snapshot: snapshot, clock: clock, serviceLevel: serviceLevel).writeWallboard(to: sink)
        return snapshot.at
    }

    /// Changes whenever the ingester commits: the floor at one moment is the same while it has not changed.
    public func commitsSeen() throws(SQLiteError) -> Int64 {
        try database.commitsSeen()
    }

    /// The floor at `time` in the database's zone (nil: this moment), read in one read transaction.
    public func floor(at time: CivilTime?, serviceLevel: Int = 20) throws(SQLiteError) -> FloorSnapshot {
        let moment = time.map(clock.epoch(of:)) ?? Int64(Date().timeIntervalSince1970)
        return try inSnapshot { () throws(SQLiteError) in
            try FloorQuery(database: database, clock: clock).snapshot(at: moment, serviceLevel: serviceLevel)
        }
    }
}

/// Writes a `FloorSnapshot` as a table for a terminal or as JSON (`csv` and `html` are refused by the command).
struct FloorSnapshotWriter {
    let snapshot: FloorSnapshot
    let clock: ZoneClock
    let serviceLevel: Int

    static let agentColumns = [Column("agent", .text), Column("state", .text), Column("since_time", .text, title: "since"),
                               Column("seconds", .seconds, title: "for")]
    static let waitingColumns = [Column("sessionid", .text, title: "session"), Column("customer_number", .text, title: "customer"),
                                 Column("did", .text, title: "DID"), Column("start_time", .text, title: "since"),
                                 Column("wait_seconds", .seconds, title: "waiting")]
    static let inProgressColumns = [Column("sessionid", .text, title: "session"), Column("direction", .text),
                                    Column("customer_number", .text, title: "customer"), Column("agent", .text),
                                    Column("answer_time", .text, title: "answered")]

    func write(_ format: OutputFormat, to sink: TextSink) {
        if format == .json {
            writeJSON(to: sink)
            return
        }
        sink.write("at \(time(snapshot.at))\n\n")
        section("agents", Self.agentColumns, agentRows, to: sink)
        section("waiting", Self.waitingColumns, waitingRows, to: sink)
        section("in progress", Self.inProgressColumns, inProgressRows, to: sink)
        sink.write("today (calls started today and ended by \(time(snapshot.at).suffix(8)))\n")
        let figures = FigureListWriter(sink)
        figures.begin(CallTally.columns(serviceLevel: serviceLevel))
        figures.write(snapshot.today.figures)
        figures.finish()
    }

    private func section(_ title: String, _ columns: [Column], _ rows: [[ReportValue]], to sink: TextSink) {
        sink.write("\(title) (\(rows.count))\n")
        if !rows.isEmpty {
            let table = TableRowWriter(sink)
            table.begin(columns)
            rows.forEach(table.write)
            table.finish()
        }
        sink.write("\n")
    }

    func writeWallboard(to sink: TextSink) {
        sink.write("{\"now\":")
        writeJSON(to: sink)
        let columns = Grouping.hour.keyColumns + CallTally.columns(serviceLevel: serviceLevel)
        let hours = snapshot.todayByHour.map { JSONRowWriter.object(columns, [.text($0.hour)] + $0.tally.figures) }
        sink.write(",\n\"today_by_hour\":[" + hours.joined(separator: ",\n") + "]}\n")
    }

    private func writeJSON(to sink: TextSink) {
        func objects(_ columns: [Column], _ rows: [[ReportValue]]) -> String {
            "[" + rows.map { JSONRowWriter.object(columns, $0) }.joined(separator: ",\n") + "]"
        }
        // SPEC 6.5's keys: an agent's time in its state is `since_time`'s business, not a key.
        let agentKeys = Array(Self.agentColumns.prefix(3))
        let today = JSONRowWriter.object(CallTally.columns(serviceLevel: serviceLevel), snapshot.today.figures)
        sink.write("{\"at\":" + JSONString.literal(time(snapshot.at))
            + ",\n\"agents\":" + objects(agentKeys, agentRows.map { Array($0.prefix(3)) })
            + ",\n\"waiting\":" + objects(Self.waitingColumns, waitingRows)
            + ",\n\"in_progress\":" + objects(Self.inProgressColumns, inProgressRows)
            + ",\n\"today\":" + today + "}\n")
    }

    private var agentRows: [[ReportValue]] {
        snapshot.agents.map { [.text($0.agent), .text($0.activity.rawValue), .text(time($0.since)), .integer(snapshot.at - $0.since)] }
    }

    private var waitingRows: [[ReportValue]] {
        snapshot.waiting.map {
            [.text($0.sessionid), ReportValue($0.customerNumber), ReportValue($0.did), .text(time($0.start)), .integer($0.waitSeconds)]
        }
    }

    private var inProgressRows: [[ReportValue]] {
        snapshot.inProgress.map {
            [.text($0.sessionid), ReportValue($0.direction), ReportValue($0.customerNumber), ReportValue($0.agent), .text(time($0.answer))]
        }
    }

    private func time(_ epoch: Int64) -> String {
        clock.civilTime(at: epoch).text
    }
}
