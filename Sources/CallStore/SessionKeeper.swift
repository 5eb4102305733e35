import CallAssembly
import CallEvents
import Foundation
import SQLite

/// Keeps each session's derived rows in step with its events: estimated times, the call record,
/// and whether it still waits for one. Works inside the caller's transaction, from the sessions
/// it holds in memory.
public final class SessionKeeper {
    public static let defaultStaleAfter: Int64 = 4 * 3600

    let store: CallStore
    let staleAfterSeconds: Int64
    let held: HeldSessions
    /// The agents whose time the calls' parties meet (SPEC 6.3).
    let agents: AgentKeeper
    private let rows: SessionRows
    private let clock: ZoneClock
    private let callWriter: CallWriter
    private let markPending: Statement
    private let unmarkPending: Statement
    private let stalePending: Statement
    private let updateEstimate: Statement
    private let sessionRange: Statement
    private let callsInRange: Statement

    public convenience init(store: CallStore, staleAfterSeconds: Int64 = SessionKeeper.defaultStaleAfter) throws(StoreError) {
        do {
            try self.init(store, staleAfterSeconds: staleAfterSeconds)
        } catch {
            throw .failed(path: store.path, error)
        }
    }

    init(_ store: CallStore, staleAfterSeconds: Int64, capacity: Int = HeldSessions.defaultCapacity) throws(SQLiteError) {
        self.store = store
        self.staleAfterSeconds = staleAfterSeconds
        clock = ZoneClock(store.zone)
        let db = store.database
        rows = try SessionRows(db)
        held = HeldSessions(rows, capacity: capacity)
        agents = try AgentKeeper(db, clock: clock)
        callWriter = try CallWriter(db, zone: store.zone)
        markPending = try db.prepare("""
            INSERT INTO pending_sessions (session_no, last_received_ms) VALUES (?, ?)
            ON CONFLICT (session_no) DO UPDATE SET last_received_ms = excluded.last_received_ms
            """)
        unmarkPending = try db.prepare("DELETE FROM pending_sessions WHERE session_no = ?")
        stalePending = try db.prepare(
            "SELECT session_no FROM pending_sessions WHERE last_received_ms < ? ORDER BY session_no")
        updateEstimate = try db.prepare("UPDATE event_log SET event_epoch = ?, event_time = ? WHERE raw_id = ?")
        sessionRange = try db.prepare("SELECT session_no, sessionid FROM sessions WHERE session_no > ? ORDER BY session_no LIMIT ?")
        callsInRange = try db.prepare("SELECT session_no, complete FROM call_records WHERE session_no BETWEEN ? AND ?")
    }

    /// After a batch stored events of `session`: assembles it when its CONVERSATION hangup came or it
    /// already has a record, else it waits for one. The record written is counted in `counts`.
    func update(_ session: HeldSession, after touch: SessionTouch, counts: inout IngestCounts) throws(SQLiteError) {
        if touch.sawConversationHangup || session.hasCall {
            try assemble(session, counts: &counts)
            return
        }
        // An estimate made in an earlier batch is brought up to date as the session grows (SPEC 1.3).
        if touch.hasEstimatedEvent { try writeEstimates(session) }
        try markWaiting(session)
    }

    /// Recomputes the session's estimated times and writes its call record, counted in `counts`
    /// (among the completed calls too when this is the first record with its CONVERSATION hangup).
    /// Nothing is written when it has no usable event.
    func assemble(_ session: HeldSession, counts: inout IngestCounts) throws(SQLiteError) {
        try writeEstimates(session)
        guard let record = session.callRecord(), let newest = session.newestArrivalMillis else { return }
        try callWriter.write(record, session: session.number, replacing: session.hasCall, assembledAt: ReceivedAt.text(millis: newest))
        let agentParties = AgentParty.of(record, session: session.number)
        agents.callWritten(session: session.number, before: session.writtenAgentParties, after: agentParties)
        session.writtenAgentParties = agentParties
        if !session.hasCall {
            try unmarkPending.bind(session.number, at: 1)
            try unmarkPending.run()
        }
        counts.countRecord(record, completing: record.complete && session.storedCall != .complete)
        session.storedCall = record.complete ? .complete : .incomplete
    }

    private func markWaiting(_ session: HeldSession) throws(SQLiteError) {
        guard let newest = session.newestArrivalMillis else { return }
        try markPending.bind(session.number, at: 1)
        try markPending.bind(newest, at: 2)
        try markPending.run()
    }

    private func writeEstimates(_ session: HeldSession) throws(SQLiteError) {
        for (rawID, epoch) in session.refreshEstimates() {
            try updateEstimate.bind(epoch, at: 1)
            try updateEstimate.bind(clock.civilTime(at: epoch).text, at: 2)
            try updateEstimate.bind(rawID, at: 3)
            try updateEstimate.run()
        }
    }

    /// Assembles, with `complete = 0`, every waiting session whose newest event arrived more than
    /// `staleAfterSeconds` before `now`. Runs in the caller's transaction; the records written are
    /// counted in `counts`.
    func assembleStale(now: Received, counts: inout IngestCounts) throws(StoreError) {
        do {
            try assembleStaleSessions(now: now, counts: &counts)
        } catch {
            throw .failed(path: store.path, error)
        }
    }

    /// `assemble` on demand: the stale sessions, in a transaction of its own.
    public func assembleStaleInTransaction(now: Received) throws(StoreError) -> Int {
        do {
            return try store.database.transaction { () throws(SQLiteError) in
                var counts = IngestCounts()
                try assembleStaleSessions(now: now, counts: &counts)
                try agents.settle()
                return counts.callsAssembled
            }
        } catch {
            throw .failed(path: store.path, error)
        }
    }

    private func assembleStaleSessions(now: Received, counts: inout IngestCounts) throws(SQLiteError) {
        var stale: [Int64] = []
        defer { stalePending.reset() }
        try stalePending.bind(staleCutoff(now), at: 1)
        while try stalePending.step() { stale.append(stalePending.int64(at: 0)) }
        for number in stale {
            if let session = try held.session(number: number) { try assemble(session, counts: &counts) }
        }
    }

    /// Rebuilds every session from its stored events by the live rules: assembled when its
    /// CONVERSATION hangup came, it already has a record, or it is stale; waiting otherwise. One
    /// ordered pass over the events, `chunk` sessions to a transaction, so a running ingester is
    /// never kept waiting long. Then every agent's intervals and ACW, from its events and the
    /// rebuilt calls. Returns the records written.
    public func rebuildAll(now: Received, chunk: Int = 2000) throws(StoreError) -> Int {
        try rebuildAll(staleBefore: staleCutoff(now), chunk: chunk)
    }

    /// `rebuildAll` with sessions stale when their newest event arrived before `cutoff` (Unix
    /// milliseconds); `.min` assembles only the sessions that had a record or a CONVERSATION hangup.
    func rebuildAll(staleBefore cutoff: Int64, chunk: Int = 2000) throws(StoreError) -> Int {
        var counts = IngestCounts()
        var after: Int64 = 0
        do {
            while true {
                let done = try store.database.transaction { () throws(SQLiteError) -> Bool in
                    // Read inside the write lock: an ingester's commit cannot fall between read and write.
                    let sessions = try sessions(after: after, limit: chunk)
                    guard let first = sessions.first, let last = sessions.last else { return true }
                    let range = first.number...last.number
                    var events: [Int64: [HeldEvent]] = [:]
                    try rows.events(ofSessions: range) { number, event in events[number, default: []].append(event) }
                    let stored = try calls(in: range)
                    for (number, sessionid) in sessions {
                        let session = HeldSession(number: number, sessionid: sessionid, events: events[number] ?? [],
                                                  storedCall: stored[number] ?? .absent, recallsAgentParties: false)
                        try settle(session, staleBefore: cutoff, counts: &counts)
                    }
                    after = last.number
                    return false
                }
                if done { break }
            }
            // The agents are rebuilt whole below, from the calls as they now stand.
            agents.forgetAll()
            try agents.rebuildAll { (body: () throws(SQLiteError) -> Void) throws(SQLiteError) in
                try store.database.transaction(body)
            }
        } catch {
            throw .failed(path: store.path, error)
        }
        held.forgetAll()
        return counts.callsAssembled
    }

    /// After a rolled-back batch, or another connection's commit: memory may no longer match the database.
    func forgetAll() {
        held.forgetAll()
        agents.forgetAll()
    }

    /// The whole-session decision of `rebuildAll`; a record written is counted in `counts`.
    private func settle(_ session: HeldSession, staleBefore cutoff: Int64, counts: inout IngestCounts) throws(SQLiteError) {
        guard let newest = session.newestArrivalMillis else { return }
        if session.hasConversationHangup || newest < cutoff || session.hasCall {
            try assemble(session, counts: &counts)
            return
        }
        try writeEstimates(session)
        try markWaiting(session)
    }

    private func sessions(after: Int64, limit: Int) throws(SQLiteError) -> [(number: Int64, sessionid: String)] {
        defer { sessionRange.reset() }
        try sessionRange.bind(after, at: 1)
        try sessionRange.bind(Int64(limit), at: 2)
        var sessions: [(number: Int64, sessionid: String)] = []
        while try sessionRange.step() { sessions.append((sessionRange.int64(at: 0), sessionRange.text(at: 1) ?? "")) }
        return sessions
    }

    /// The stored records of the sessions in `range`, by session number.
    private func calls(in range: ClosedRange<Int64>) throws(SQLiteError) -> [Int64: StoredCall] {
        defer { callsInRange.reset() }
        try callsInRange.bind(range.lowerBound, at: 1)
        try callsInRange.bind(range.upperBound, at: 2)
        var calls: [Int64: StoredCall] = [:]
        while try callsInRange.step() { calls[callsInRange.int64(at: 0)] = StoredCall(complete: callsInRange.int64(at: 1) != 0) }
        return calls
    }

    /// Arrival time (Unix milliseconds) before which a waiting session counts as stale.
    func staleCutoff(_ now: Received) -> Int64 {
        now.millis - staleAfterSeconds * 1000
    }
}

/// What a batch did to one session.
struct SessionTouch {
    var hasEstimatedEvent = false
    var sawConversationHangup = false
}
