import AgentStates
import CallEvents
import CallStore
import SQLite

/// Agents' time (SPEC 6.4) over a range: the range a report covers, and their intervals and
/// their time on calls, each read in time order.
struct AgentTimeQuery {
    let database: StoreReader
    let clock: ZoneClock

    /// Intervals and calls are found by their start up to this long before the range; intervals
    /// that last longer are found through `agent_intervals_long`. A call on for over a day
    /// counts only from a day before the range.
    static let lookBack: Int64 = 86_400

    /// The lower bound of a range without `--from`: before any event, far from overflowing.
    static let noLowerBound = Int64.min / 4

    /// The range of time a report covers: `--from` (else the beginning) to the earlier of `--to`
    /// and the newest event time, since no time is counted that has not happened (SPEC 6.4).
    /// Empty when the database has no event.
    func range(of filter: CallFilter) throws(SQLiteError) -> Range<Int64> {
        let newest = try newestEventEpoch()
        let lower = filter.startFrom.flatMap(CivilTime.init(parsing:)).map(clock.epoch(of:)) ?? Self.noLowerBound
        guard let newest else { return lower..<lower }
        let upper = min(filter.startBefore.flatMap(CivilTime.init(parsing:)).map(clock.epoch(of:)) ?? .max, newest)
        return lower..<max(lower, upper)
    }

    func newestEventEpoch() throws(SQLiteError) -> Int64? {
        let statement = try database.prepare("SELECT max(event_epoch) FROM event_log")
        guard try statement.step() else { return nil }
        return statement.optionalInt64(at: 0)
    }

    /// Each interval that overlaps `range`, with its agent's key, in the order of their starts
    /// (only those of `agent` when given); none when `range` is empty.
    /// `lookBack`: how long before the range an interval found by its start may have started.
    func intervals(
        over range: Range<Int64>, agent: String? = nil, lookBack: Int64 = Self.lookBack, _ each: (String, AgentInterval) -> Void
    ) throws(SQLiteError) {
        guard !range.isEmpty else { return }
        let earliest = range.lowerBound - lookBack
        let onlyAgent = agent == nil ? "" : " AND agent = ?3"
        let intervals = try database.prepare("""
            SELECT agent, state, group_id, start_epoch, end_epoch, reason, start_raw_id, end_raw_id FROM agent_intervals
            WHERE start_epoch >= ?1 AND start_epoch < ?2\(onlyAgent)
            UNION ALL
            SELECT agent, state, group_id, start_epoch, end_epoch, reason, start_raw_id, end_raw_id
            FROM agent_intervals INDEXED BY agent_intervals_long
            WHERE (end_epoch IS NULL OR end_epoch - start_epoch > 86400) AND start_epoch < ?1\(onlyAgent)
            """)
        try intervals.bind(earliest, at: 1)
        try intervals.bind(range.upperBound, at: 2)
        if let agent { try intervals.bind(agent, at: 3) }
        while try intervals.step() {
            guard let key = intervals.text(at: 0), let kind = AgentIntervalKind(rawValue: intervals.text(at: 1) ?? "") else { continue }
            let interval = AgentInterval(
                kind: kind, groupID: intervals.text(at: 2), start: intervals.int64(at: 3), end: intervals.optionalInt64(at: 4),
                reason: intervals.text(at: 5), startRawID: intervals.int64(at: 6), endRawID: intervals.optionalInt64(at: 7))
            guard interval.start < range.upperBound, (interval.end ?? .max) > range.lowerBound else { continue }
            each(key, interval)
        }
    }
}

extension AgentTimeQuery {
    /// Each AGENT and CONSULT party of a recorded call that overlaps `range`, with its agent's key
    /// and its call (only those of `agent` when given); none when `range` is empty.
    func calls(
        over range: Range<Int64>, agent: String? = nil, lookBack: Int64 = Self.lookBack, _ each: (String, Int64, CallSpan) -> Void
    ) throws(SQLiteError) {
        guard !range.isEmpty else { return }
        let starts = callStarts(over: range, lookBack: lookBack)
        let onlyAgent = agent == nil ? "" : " AND agent = ?3"
        // parties_by_start holds the primary key too: the session comes from the index alone.
        let statement = try database.prepare("""
            SELECT agent, session_no, ring_epoch, talk_start_epoch, end_epoch FROM parties INDEXED BY parties_by_start
            WHERE role IN ('AGENT', 'CONSULT') AND call_start_time >= ?1 AND call_start_time < ?2\(onlyAgent)
            """)
        try statement.bind(starts.from, at: 1)
        try statement.bind(starts.before, at: 2)
        if let agent { try statement.bind(agent, at: 3) }
        while try statement.step() {
            guard let key = statement.text(at: 0), let call = Self.call(statement, at: 2, over: range) else { continue }
            each(key, statement.int64(at: 1), call)
        }
    }

    /// The call start times (the zone's wall clock) between which every call that overlaps `range`
    /// started, `lookBack` included: an hour either side covers a change of clocks. Without
    /// `--from`, from the empty text: every call up to the range's end.
    func callStarts(over range: Range<Int64>, lookBack: Int64 = Self.lookBack) -> (from: String, before: String) {
        let from = range.lowerBound == Self.noLowerBound ? "" : clock.civilTime(at: range.lowerBound - lookBack - 3600).text
        return (from, clock.civilTime(at: range.upperBound + 3600).text)
    }

    /// A party's time from (ring_epoch, talk_start_epoch, end_epoch) at `offset` of a row; nil
    /// when it does not overlap `range`.
    static func call(_ statement: Statement, at offset: Int32, over range: Range<Int64>) -> CallSpan? {
        let call = CallSpan(
            ring: statement.int64(at: offset), talkStart: statement.optionalInt64(at: offset + 1), end: statement.optionalInt64(at: offset + 2))
        return call.ring < range.upperBound && (call.end ?? .max) > range.lowerBound ? call : nil
    }
}
