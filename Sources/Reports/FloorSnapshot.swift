import AgentStates
import CallAssembly
import CallEvents
import CallStore
import SQLite

/// What is happening on the call-centre floor at one moment (SPEC 6.5, `astercdr now`): every
/// agent signed in or on a call and what it is doing, the calls waiting, the calls in progress,
/// and the day so far.
public struct FloorSnapshot: Sendable {
    public struct AgentNow: Sendable, Equatable {
        public var agent: String
        public var activity: AgentActivity
        public var since: Int64
    }

    public struct WaitingCall: Sendable, Equatable {
        public var sessionid: String
        public var customerNumber: String?
        public var did: String?
        public var start: Int64
        public var waitSeconds: Int64
    }

    public struct CallInProgress: Sendable, Equatable {
        public var sessionid: String
        public var direction: String?
        public var customerNumber: String?
        public var agent: String?
        public var answer: Int64
    }

    public var at: Int64
    /// In agent order (as `report agents`).
    public var agents: [AgentNow]
    /// Longest wait first.
    public var waiting: [WaitingCall]
    /// Earliest answer first.
    public var inProgress: [CallInProgress]
    /// The summary's figures over the calls that started that day and had ended by `at`, hour by
    /// hour of their start, every hour of the day (`00` to `23`).
    var todayByHour: [(hour: String, tally: CallTally)]

    /// The same calls' figures over the whole day: the sum of its hours.
    var today: CallTally { todayByHour.reduce(into: CallTally()) { $0 += $1.tally } }
}

/// What one agent's state at a moment is worked out from: its intervals and its calls.
struct AgentTimeline {
    var intervals: [AgentInterval] = []
    var calls: [CallSpan] = []
}

/// Reads a `FloorSnapshot` in one read transaction.
struct FloorQuery {
    let database: StoreReader
    let clock: ZoneClock

    /// Calls and intervals are looked for up to a day before the moment (the day so far, and
    /// since when an agent has been doing what it does).
    static let lookBack: Int64 = 86_400

    func snapshot(at moment: Int64, serviceLevel: Int) throws(SQLiteError) -> FloorSnapshot {
        let active = try activeCalls(at: moment)
        let times = AgentTimeQuery(database: database, clock: clock)
        let window = (moment - Self.lookBack)..<(moment + 1)
        // The window is the day itself: what started before it and still mattered is open at its start.
        var timelines: [String: AgentTimeline] = [:]
        try times.intervals(over: window, lookBack: 0) { agent, interval in
            timelines[agent, default: AgentTimeline()].intervals.append(interval)
        }
        try times.calls(over: window, lookBack: 0) { agent, session, span in
            if active[session] == nil { timelines[agent, default: AgentTimeline()].calls.append(span) }
        }
        // A call still going on at the moment: its parties as assembled from its events, holds included.
        for call in active.values {
            for party in call.record.parties where party.role == .agent || party.role == .consult {
                guard let agent = party.agent else { continue }
                let end = call.isOver ? party.endEpoch : party.hangupEpoch
                timelines[agent, default: AgentTimeline()].calls.append(
                    CallSpan(ring: party.ringEpoch, talkStart: party.talkStartEpoch, end: end, holds: party.holdIntervals))
            }
        }
        var agents: [FloorSnapshot.AgentNow] = []
        for agent in timelines.keys.sorted(by: AgentOrdering.precedes) {
            let timeline = timelines[agent]!
            if let state = AgentTime.state(at: moment, intervals: timeline.intervals, calls: timeline.calls) {
                agents.append(.init(agent: agent, activity: state.activity, since: state.since))
            }
        }
        var waiting: [FloorSnapshot.WaitingCall] = []
        var inProgress: [FloorSnapshot.CallInProgress] = []
        for (sessionid, call) in active.values.map({ ($0.sessionid, $0.record) }) {
            if let answer = call.answerEpoch, answer <= moment {
                inProgress.append(.init(sessionid: sessionid, direction: call.direction, customerNumber: call.customerNumber,
                                        agent: call.agent, answer: answer))
            } else if call.direction?.lowercased() == "dialin" {
                waiting.append(.init(sessionid: sessionid, customerNumber: call.customerNumber, did: call.did,
                                     start: call.startEpoch, waitSeconds: moment - call.startEpoch))
            }
        }
        waiting.sort { ($0.start, $0.sessionid) < ($1.start, $1.sessionid) }
        inProgress.sort { ($0.answer, $0.sessionid) < ($1.answer, $1.sessionid) }
        return FloorSnapshot(at: moment, agents: agents, waiting: waiting, inProgress: inProgress,
                             todayByHour: try todayByHour(at: moment, serviceLevel: serviceLevel))
    }

    /// A call on at the moment: started by then and not over (a record's end after it, or no
    /// record yet: its CONVERSATION hangup has not come).
    private struct ActiveCall {
        let sessionid: String
        let record: CallRecord
        /// It has a record whose end is known (complete, or assembled as stale).
        let isOver: Bool
    }

    private func activeCalls(at moment: Int64) throws(SQLiteError) -> [Int64: ActiveCall] {
        var sessions: [(number: Int64, sessionid: String, recorded: Bool)] = []
        let recorded = try database.prepare("""
            SELECT c.session_no, s.sessionid FROM call_records c JOIN sessions s ON s.session_no = c.session_no
            WHERE c.start_time >= ?1 AND c.start_time < ?2 AND c.start_epoch <= ?3 AND c.end_epoch > ?3
            """)
        // Start times are the zone's wall clock; an hour either side covers a change of clocks.
        try recorded.bind(clock.civilTime(at: moment - Self.lookBack - 3600).text, at: 1)
        try recorded.bind(clock.civilTime(at: moment + 3600).text, at: 2)
        try recorded.bind(moment, at: 3)
        while try recorded.step() { sessions.append((recorded.int64(at: 0), recorded.text(at: 1) ?? "", true)) }
        let pending = try database.prepare(
            "SELECT p.session_no, s.sessionid FROM pending_sessions p JOIN sessions s ON s.session_no = p.session_no")
        while try pending.step() { sessions.append((pending.int64(at: 0), pending.text(at: 1) ?? "", false)) }

        let events = try database.prepare("""
            SELECT raw_id, eventid, source, event, event_epoch, uniqueid, channel, calleridnum, activenum, didnumber,
                direction, team_id, group_id, modeltype, model_id, agentno
            FROM event_log WHERE session_no = ? AND duplicate_of IS NULL AND event IS NOT NULL
            """)
        var active: [Int64: ActiveCall] = [:]
        for session in sessions {
            events.reset()
            try events.bind(session.number, at: 1)
            var sessionEvents: [SessionEvent] = []
            while try events.step() {
                let e = events
                sessionEvents.append(SessionEvent(
                    rawID: e.int64(at: 0), eventid: e.text(at: 1), source: e.text(at: 2), event: e.text(at: 3) ?? "",
                    epoch: e.int64(at: 4), uniqueid: e.text(at: 5), channel: e.text(at: 6), calleridnum: e.text(at: 7),
                    activenum: e.text(at: 8), didnumber: e.text(at: 9), direction: e.text(at: 10), teamID: e.text(at: 11),
                    groupID: e.text(at: 12), modeltype: e.text(at: 13), modelID: e.text(at: 14), agentno: e.text(at: 15)))
            }
            guard let record = CallAssembler.assemble(sessionid: session.sessionid, events: sessionEvents, asOf: moment),
                  record.startEpoch <= moment else { continue }
            // Without its CONVERSATION hangup, a call whose every party has hung up is over all the same.
            if !session.recorded, !record.parties.isEmpty,
               record.parties.allSatisfy({ ($0.hangupEpoch ?? .max) <= moment }) { continue }
            active[session.number] = ActiveCall(sessionid: session.sessionid, record: record, isOver: session.recorded)
        }
        return active
    }

    /// The day so far hour by hour: the calls that started on the moment's day and had ended by
    /// then. The day's figures are their sum, so both come from this one pass.
    private func todayByHour(at moment: Int64, serviceLevel: Int) throws(SQLiteError) -> [(hour: String, tally: CallTally)] {
        let day = clock.civilTime(at: moment)
        var filter = CallFilter()
        filter.startFrom = CivilTime(year: day.year, month: day.month, day: day.day, hour: 0, minute: 0, second: 0)?.text
        // A call that ended by then started by then: the bound keeps the search to the day so far.
        filter.startBefore = clock.civilTime(at: moment + 1).text
        filter.endedBy = moment
        var parameters = SQLParameters()
        let statement = try database.prepare(SummaryQuery.sql(.hour, filter: filter, serviceLevel: serviceLevel, &parameters))
        try parameters.bind(to: statement)
        var hours: [(hour: String, tally: CallTally)] = []
        while try statement.step() {
            hours.append((statement.text(at: 0) ?? "", CallTally(statement, at: 1)))
        }
        return hours
    }
}
