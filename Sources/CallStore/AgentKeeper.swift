import AgentStates
import CallAssembly
import CallEvents
import SQLite

/// Keeps `agent_intervals` and the ACW of parties and calls in step with the agents' events and
/// the call records (SPEC 6.2, 6.3), inside the caller's transaction. Agents are held in memory
/// (`HeldAgent`); the ones a batch touched are brought up to date by `settle()`, writing only what
/// changed.
final class AgentKeeper {
    /// Agents held at once; the least recently used are let go and read back when needed again.
    static let capacity = 2048

    private let rows: AgentRows
    private var held: [String: HeldAgent] = [:]
    private var touched: [String] = []
    private var touchedSet: Set<String> = []
    private var callsWithNewAcw: Set<Int64> = []
    private var uses: UInt64 = 0

    init(_ db: Database, clock: ZoneClock) throws(SQLiteError) {
        rows = try AgentRows(db, clock: clock)
    }

    /// The agent, read from the database when it is not held.
    func agent(_ key: String) throws(SQLiteError) -> HeldAgent {
        uses += 1
        if let agent = held[key] {
            agent.lastUse = uses
            return agent
        }
        let agent = HeldAgent(key: key)
        agent.lastUse = uses
        try reload(agent)
        held[key] = agent
        return agent
    }

    /// The estimated time of an agent-state event without one (SPEC 1.3), from the agent's timed
    /// event that arrived last; its arrival itself while the agent has none.
    func estimate(for agent: HeldAgent, receivedMillis: Int64) -> Int64 {
        if agent.lastTimedOffsetMillis == nil { agent.hasEventAwaitingNeighbour = true }
        return TimeEstimator.estimate(receivedMillis: receivedMillis, offsetMillis: agent.lastTimedOffsetMillis)
    }

    /// A stored event of the agent; `timed` when it came with a valid eventTime.
    func record(_ event: AgentEvent, of agent: HeldAgent, timed: Bool, receivedMillis: Int64) {
        if timed {
            agent.lastTimedOffsetMillis = event.epoch * 1000 - receivedMillis
            // Events stored before any timed one take their estimate from this one: read them again.
            if agent.hasEventAwaitingNeighbour { agent.needsReload = true }
        }
        agent.append(event)
        touch(agent.key)
    }

    /// A call record was written: its AGENT parties were `before` and are now `after`. The call's
    /// and its parties' ACW were written as 0; the agents bring back what belongs to them in `settle()`.
    func callWritten(session: Int64, before: [AgentParty], after: [AgentParty]) {
        for key in Set(before.map(\.agent) + after.map(\.agent)) {
            touch(key)
            guard let agent = held[key] else { continue }
            agent.replaceParties(
                ofSession: session,
                with: after.filter { $0.agent == key && $0.answered }.map(\.answeredParty),
                oldEnds: before.filter { $0.agent == key }.map(\.end))
        }
    }

    /// Brings every touched agent's intervals and ACW up to date. Returns nothing: what it writes
    /// is a consequence of events and calls already counted.
    func settle() throws(SQLiteError) {
        for key in touched {
            // An agent read back now is up to date once read.
            guard let agent = held[key] else {
                _ = try self.agent(key)
                continue
            }
            if agent.needsReload {
                try reload(agent)
            } else {
                try write(agent.desired(), for: agent)
                agent.foldIfFull()
                agent.pruneParties()
            }
        }
        touched.removeAll(keepingCapacity: true)
        touchedSet.removeAll(keepingCapacity: true)
        try sumNewAcw()
        trim()
    }

    /// Every agent's intervals and ACW from its stored events and the stored calls, as `assemble
    /// --all` does after the calls: `chunk` agents to a transaction of `transaction`.
    func rebuildAll(chunk: Int = 50, transaction: (() throws(SQLiteError) -> Void) throws(SQLiteError) -> Void) throws(SQLiteError) {
        forgetAll()
        var keys: [String] = []
        try transaction { () throws(SQLiteError) in keys = try rows.everyAgent() }
        var start = 0
        while start < keys.count {
            let part = keys[start..<min(keys.count, start + chunk)]
            try transaction { () throws(SQLiteError) in
                for key in part {
                    let agent = HeldAgent(key: key)
                    try reload(agent)
                }
                try sumNewAcw()
            }
            start += chunk
        }
        forgetAll()
    }

    /// After a rolled-back batch, or another connection's commit: memory may no longer match the database.
    func forgetAll() {
        held.removeAll()
        touched.removeAll()
        touchedSet.removeAll()
        callsWithNewAcw.removeAll()
    }

    /// Reads the agent's whole history, writes what the rules give where the database differs,
    /// and folds all but its newest events.
    private func reload(_ agent: HeldAgent) throws(SQLiteError) {
        let history = try rows.events(of: agent.key)
        agent.restart(with: history.events, parties: try rows.answeredParties(of: agent.key))
        agent.lastTimedOffsetMillis = history.lastTimedOffsetMillis
        agent.hasEventAwaitingNeighbour = history.awaitingNeighbour
        let stored = try rows.stored(of: agent.key)
        agent.stored = stored.intervals
        agent.storedAcw = stored.acw
        try write(agent.desired(), for: agent)
        agent.foldIfFull()
    }

    /// Writes the difference between `desired` and what the agent's rows hold now.
    private func write(_ desired: [Int64: StoredInterval], for agent: HeldAgent) throws(SQLiteError) {
        for start in agent.stored.keys where desired[start] == nil {
            try rows.delete(startRawID: start)
        }
        for (start, row) in desired.sorted(by: { $0.key < $1.key }) {
            switch agent.stored[start] {
            case nil: try rows.insert(row, agent: agent.key)
            case let old? where old != row: try rows.update(row)
            default: break
            }
        }
        agent.stored = desired
        var acw: [PartyRef: Int64] = [:]
        for row in desired.values {
            if let owner = row.owner, let seconds = row.acwSeconds { acw[owner] = seconds }
        }
        for (party, seconds) in acw where agent.storedAcw[party] != seconds {
            try rows.setAcw(seconds, of: party)
            callsWithNewAcw.insert(party.session)
        }
        for party in agent.storedAcw.keys where acw[party] == nil {
            try rows.setAcw(0, of: party)
            callsWithNewAcw.insert(party.session)
        }
        agent.storedAcw = acw
    }

    /// Each call whose parties' ACW changed gets their sum (SPEC 6.3).
    private func sumNewAcw() throws(SQLiteError) {
        for session in callsWithNewAcw.sorted() { try rows.sumAcw(ofCall: session) }
        callsWithNewAcw.removeAll(keepingCapacity: true)
    }

    private func touch(_ key: String) {
        if touchedSet.insert(key).inserted { touched.append(key) }
    }

    /// Lets the least recently used agents go, between batches, when too many are held.
    private func trim() {
        guard held.count > Self.capacity else { return }
        for agent in held.values.sorted(by: { $0.lastUse < $1.lastUse }).prefix(held.count - Self.capacity * 3 / 4) {
            held[agent.key] = nil
        }
    }
}

/// An AGENT party of a call as its agent's ACW looks at it (SPEC 6.3).
struct AgentParty: Equatable {
    let agent: String
    let session: Int64
    let party: Int
    let end: Int64
    let answered: Bool

    var answeredParty: AnsweredParty { AnsweredParty(session: session, party: party, end: end) }

    /// The AGENT parties of `call`, stored as session `session`.
    static func of(_ call: CallRecord, session: Int64) -> [AgentParty] {
        call.parties.compactMap { party in
            guard party.role == .agent, let agent = party.agent else { return nil }
            return AgentParty(agent: agent, session: session, party: party.party, end: party.endEpoch,
                              answered: party.answerEpoch != nil)
        }
    }
}
