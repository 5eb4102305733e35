import AgentStates
import CallEvents
import SQLite

/// The SQL of agents' time: `agent_intervals`, the ACW on parties and calls, and the reads that
/// bring an agent's whole history back into memory (after a restart, or when the rules need
/// more than the writer holds).
struct AgentRows {
    private let loadEvents: Statement
    private let loadParties: Statement
    private let loadIntervals: Statement
    private let loadAcw: Statement
    private let insertInterval: Statement
    private let updateInterval: Statement
    private let deleteInterval: Statement
    private let updatePartyAcw: Statement
    private let updateCallAcw: Statement
    private let updateEstimate: Statement
    private let agentKeys: Statement
    private let clock: ZoneClock

    init(_ db: Database, clock: ZoneClock) throws(SQLiteError) {
        self.clock = clock
        // The agent key of an agent-state event (SPEC 6.1), as agent_events_by_fingerprint has it.
        loadEvents = try db.prepare("""
            SELECT raw_id, eventid, event, event_epoch, group_id, json_extract(extra, '$.reason'), time_estimated, received_ms
            FROM event_log
            WHERE coalesce(agentno, activenum) = ? AND session_no IS NULL AND event IS NOT NULL AND duplicate_of IS NULL
            ORDER BY raw_id
            """)
        // `role IN (...)` as parties_by_agent has it, so the agent's parties are an index search.
        loadParties = try db.prepare("""
            SELECT session_no, party, end_epoch FROM parties
            WHERE agent = ? AND role IN ('AGENT', 'CONSULT') AND role = 'AGENT' AND answer_epoch IS NOT NULL
            """)
        loadIntervals = try db.prepare("""
            SELECT start_raw_id, state, group_id, start_epoch, end_epoch, reason, end_raw_id, session_no, party
            FROM agent_intervals WHERE agent = ?
            """)
        loadAcw = try db.prepare("""
            SELECT session_no, party, acw_seconds FROM parties
            WHERE agent = ? AND role IN ('AGENT', 'CONSULT') AND acw_seconds != 0
            """)
        insertInterval = try db.prepare("""
            INSERT INTO agent_intervals (start_raw_id, agent, state, group_id, start_time, start_epoch, end_time, end_epoch,
                end_raw_id, reason, session_no, party)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        updateInterval = try db.prepare("""
            UPDATE agent_intervals SET end_time = ?, end_epoch = ?, end_raw_id = ?, session_no = ?, party = ?
            WHERE start_raw_id = ?
            """)
        deleteInterval = try db.prepare("DELETE FROM agent_intervals WHERE start_raw_id = ?")
        updatePartyAcw = try db.prepare("UPDATE parties SET acw_seconds = ? WHERE session_no = ? AND party = ?")
        updateCallAcw = try db.prepare("""
            UPDATE call_records SET acw_seconds =
                (SELECT coalesce(sum(acw_seconds), 0) FROM parties WHERE session_no = ?1 AND role = 'AGENT')
            WHERE session_no = ?1
            """)
        updateEstimate = try db.prepare("UPDATE event_log SET event_epoch = ?, event_time = ? WHERE raw_id = ?")
        agentKeys = try db.prepare("""
            SELECT coalesce(agentno, activenum) FROM event_log
            WHERE session_no IS NULL AND event IS NOT NULL AND coalesce(agentno, activenum) IS NOT NULL
            GROUP BY 1
            UNION SELECT agent FROM agent_intervals
            UNION SELECT agent FROM parties WHERE role IN ('AGENT', 'CONSULT') AND acw_seconds != 0
            """)
    }

    /// Every non-duplicate agent-state event of `agent`, its time estimates brought up to date
    /// (SPEC 1.3: from the same agent's neighbour) and written where they moved.
    func events(of agent: String) throws(SQLiteError) -> (events: [AgentEvent], lastTimedOffsetMillis: Int64?, awaitingNeighbour: Bool) {
        var events: [AgentEvent] = []
        var arrivals: [Arrival] = []
        do {
            defer { loadEvents.reset() }
            try loadEvents.bind(agent, at: 1)
            while try loadEvents.step() {
                let s = loadEvents
                let event = AgentEvent(rawID: s.int64(at: 0), eventid: s.text(at: 1), event: s.text(at: 2) ?? "",
                                       epoch: s.int64(at: 3), groupID: s.text(at: 4), reason: s.text(at: 5))
                let estimated = s.int64(at: 6) != 0
                events.append(event)
                arrivals.append(Arrival(rawID: event.rawID, receivedMillis: s.int64(at: 7), timedEpoch: estimated ? nil : event.epoch))
            }
        }
        let estimates = TimeEstimator.estimates(for: arrivals)
        for index in events.indices {
            guard let epoch = estimates[events[index].rawID], epoch != events[index].epoch else { continue }
            events[index].epoch = epoch
            try writeEstimate(rawID: events[index].rawID, epoch: epoch)
        }
        let lastTimed = arrivals.last { $0.timedEpoch != nil }
        return (events, lastTimed.map { $0.timedEpoch! * 1000 - $0.receivedMillis }, lastTimed == nil && !arrivals.isEmpty)
    }

    func writeEstimate(rawID: Int64, epoch: Int64) throws(SQLiteError) {
        try updateEstimate.bind(epoch, at: 1)
        try updateEstimate.bind(clock.civilTime(at: epoch).text, at: 2)
        try updateEstimate.bind(rawID, at: 3)
        try updateEstimate.run()
    }

    /// The agent's answered AGENT parties, as stored.
    func answeredParties(of agent: String) throws(SQLiteError) -> [AnsweredParty] {
        defer { loadParties.reset() }
        try loadParties.bind(agent, at: 1)
        var parties: [AnsweredParty] = []
        while try loadParties.step() {
            parties.append(AnsweredParty(session: loadParties.int64(at: 0), party: Int(loadParties.int64(at: 1)),
                                         end: loadParties.int64(at: 2)))
        }
        return parties
    }

    /// The agent's intervals as stored, and the ACW stored on its parties.
    func stored(of agent: String) throws(SQLiteError) -> (intervals: [Int64: StoredInterval], acw: [PartyRef: Int64]) {
        var intervals: [Int64: StoredInterval] = [:]
        do {
            defer { loadIntervals.reset() }
            try loadIntervals.bind(agent, at: 1)
            while try loadIntervals.step() {
                let s = loadIntervals
                guard let kind = AgentIntervalKind(rawValue: s.text(at: 1) ?? "") else { continue }
                let interval = AgentInterval(kind: kind, groupID: s.text(at: 2), start: s.int64(at: 3), end: s.optionalInt64(at: 4),
                                             reason: s.text(at: 5), startRawID: s.int64(at: 0), endRawID: s.optionalInt64(at: 6))
                let owner = s.optionalInt64(at: 7).flatMap { session in
                    s.optionalInt64(at: 8).map { PartyRef(session: session, party: Int($0)) }
                }
                intervals[interval.startRawID] = StoredInterval(interval, owner: owner)
            }
        }
        var acw: [PartyRef: Int64] = [:]
        defer { loadAcw.reset() }
        try loadAcw.bind(agent, at: 1)
        while try loadAcw.step() {
            acw[PartyRef(session: loadAcw.int64(at: 0), party: Int(loadAcw.int64(at: 1)))] = loadAcw.int64(at: 2)
        }
        return (intervals, acw)
    }

    /// Every agent key that has agent-state events, intervals or ACW.
    func everyAgent() throws(SQLiteError) -> [String] {
        defer { agentKeys.reset() }
        var keys: [String] = []
        while try agentKeys.step() {
            if let key = agentKeys.text(at: 0) { keys.append(key) }
        }
        return keys
    }

    func insert(_ row: StoredInterval, agent: String) throws(SQLiteError) {
        let s = insertInterval
        let interval = row.interval
        try s.bind(interval.startRawID, at: 1)
        try s.bind(agent, at: 2)
        try s.bind(interval.kind.rawValue, at: 3)
        try s.bind(interval.groupID, at: 4)
        try s.bind(clock.civilTime(at: interval.start).text, at: 5)
        try s.bind(interval.start, at: 6)
        try s.bind(interval.end.map { clock.civilTime(at: $0).text }, at: 7)
        try s.bind(interval.end, at: 8)
        try s.bind(interval.endRawID, at: 9)
        try s.bind(interval.reason, at: 10)
        try s.bind(row.owner?.session, at: 11)
        try s.bind(row.owner.map { Int64($0.party) }, at: 12)
        try s.run()
    }

    /// A stored interval whose end or owner changed (what opened it, and so its start, never does).
    func update(_ row: StoredInterval) throws(SQLiteError) {
        let s = updateInterval
        let interval = row.interval
        try s.bind(interval.end.map { clock.civilTime(at: $0).text }, at: 1)
        try s.bind(interval.end, at: 2)
        try s.bind(interval.endRawID, at: 3)
        try s.bind(row.owner?.session, at: 4)
        try s.bind(row.owner.map { Int64($0.party) }, at: 5)
        try s.bind(interval.startRawID, at: 6)
        try s.run()
    }

    func delete(startRawID: Int64) throws(SQLiteError) {
        try deleteInterval.bind(startRawID, at: 1)
        try deleteInterval.run()
    }

    func setAcw(_ seconds: Int64, of party: PartyRef) throws(SQLiteError) {
        try updatePartyAcw.bind(seconds, at: 1)
        try updatePartyAcw.bind(party.session, at: 2)
        try updatePartyAcw.bind(Int64(party.party), at: 3)
        try updatePartyAcw.run()
    }

    /// The call's `acw_seconds`: the sum over its AGENT parties (SPEC 6.3).
    func sumAcw(ofCall session: Int64) throws(SQLiteError) {
        try updateCallAcw.bind(session, at: 1)
        try updateCallAcw.run()
    }
}
