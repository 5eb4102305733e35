import AgentStates
import CallEvents
import CallStore
import SQLite

/// Agents' time (SPEC 6.4) over a range: their intervals and their time on calls, read in two
/// passes in time order, and worked out per agent by `AgentTime`.
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

    /// Each agent's intervals and calls that overlap `range` (only those of `agents` when given).
    func timelines(over range: Range<Int64>, agents: Set<String>? = nil) throws(SQLiteError) -> [String: AgentTimeline] {
        guard let agents else { return try timelines(over: range, agent: nil) }
        var timelines: [String: AgentTimeline] = [:]
        for agent in agents {
            timelines.merge(try self.timelines(over: range, agent: agent)) { $1 }
        }
        return timelines
    }

    private func timelines(over range: Range<Int64>, agent: String?) throws(SQLiteError) -> [String: AgentTimeline] {
        var timelines = try intervals(over: range, agent: agent)
        guard !range.isEmpty else { return timelines }
        for call in try calls(over: range, agent: agent) {
            timelines[call.agent, default: AgentTimeline()].calls.append(call.span)
        }
        return timelines
    }

    /// Each agent's intervals that overlap `range`, its calls left empty.
    /// `lookBack`: how long before the range an interval found by its start may have started.
    func intervals(over range: Range<Int64>, agent: String? = nil, lookBack: Int64 = Self.lookBack) throws(SQLiteError) -> [String: AgentTimeline] {
        var timelines: [String: AgentTimeline] = [:]
        guard !range.isEmpty else { return timelines }
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
            timelines[key, default: AgentTimeline()].intervals.append(interval)
        }
        return timelines
    }
}

extension AgentTimeQuery {
    /// The AGENT and CONSULT parties of recorded calls that overlap `range`, with their call.
    func calls(over range: Range<Int64>, agent: String? = nil, lookBack: Int64 = Self.lookBack) throws(SQLiteError) -> [(agent: String, session: Int64, span: CallSpan)] {
        let earliest = range.lowerBound - lookBack
        let onlyAgent = agent == nil ? "" : " AND agent = ?3"
        // Start times are the zone's wall clock; an hour either side covers a change of clocks.
        // parties_by_start holds the primary key too: the session comes from the index alone.
        let statement = try database.prepare("""
            SELECT agent, session_no, ring_epoch, talk_start_epoch, end_epoch FROM parties INDEXED BY parties_by_start
            WHERE role IN ('AGENT', 'CONSULT') AND call_start_time >= ?1 AND call_start_time < ?2\(onlyAgent)
            """)
        // No --from: every call up to the range's end.
        try statement.bind(range.lowerBound == Self.noLowerBound ? "" : clock.civilTime(at: earliest - 3600).text, at: 1)
        try statement.bind(clock.civilTime(at: range.upperBound + 3600).text, at: 2)
        if let agent { try statement.bind(agent, at: 3) }
        var calls: [(agent: String, session: Int64, span: CallSpan)] = []
        while try statement.step() {
            guard let key = statement.text(at: 0) else { continue }
            let span = CallSpan(ring: statement.int64(at: 2), talkStart: statement.optionalInt64(at: 3), end: statement.optionalInt64(at: 4))
            guard span.ring < range.upperBound, (span.end ?? .max) > range.lowerBound else { continue }
            calls.append((key, statement.int64(at: 1), span))
        }
        return calls
    }
}

/// What one agent's time is made of over a range: its intervals and its calls.
struct AgentTimeline {
    var intervals: [AgentInterval] = []
    var calls: [CallSpan] = []
}
