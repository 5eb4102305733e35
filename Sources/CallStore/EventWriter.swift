import AgentStates
import CallEvents
import Foundation
import SQLite

/// The one writer of a database: stores each received event raw and parsed, flags duplicates,
/// and at commit brings the sessions it touched up to date (estimated times, call records).
/// The sessions being assembled are held in memory, so storing an event reads nothing back.
///
/// Use: `begin()`, then `record(...)` for each event and `saveCursor(...)` for each source that
/// can resume, then `commit()`. Nothing is durable, and nothing may be acknowledged, before `commit()` returns.
public final class EventWriter {
    let store: CallStore
    let clock: ZoneClock
    let sessions: SessionKeeper
    private var origins: Origins
    private let agentDuplicates: AgentDuplicates
    private let insertEvent: Statement
    private let text = TextArena()
    private let upsertCursor: Statement
    /// `PRAGMA data_version` as this writer last knew it: when another connection commits
    /// (`astercdr assemble` beside a live ingester), what is held in memory is read anew.
    private var dataVersion: Int64

    private var inTransaction = false
    private var batch = IngestCounts()
    private var touched: [Int64: SessionTouch] = [:]
    private var touchOrder: [HeldSession] = []

    /// The counts of every batch committed so far.
    public private(set) var totals = IngestCounts()

    public convenience init(store: CallStore, staleAfterSeconds: Int64 = SessionKeeper.defaultStaleAfter) throws(StoreError) {
        try self.init(store: store, staleAfterSeconds: staleAfterSeconds, heldSessions: HeldSessions.defaultCapacity)
    }

    /// `heldSessions`: how many sessions stay in memory (tests use a small number to exercise reloading).
    public init(store: CallStore, staleAfterSeconds: Int64 = SessionKeeper.defaultStaleAfter, heldSessions: Int) throws(StoreError) {
        self.store = store
        clock = ZoneClock(store.zone)
        let db = store.database
        do {
            insertEvent = try db.prepare("""
                INSERT INTO event_log (received_ms, origin_no, payload, payload_bytes, parse_error, session_no, source,
                    event, event_time, event_epoch, time_estimated, eventid, uniqueid, channel, calleridnum, activenum,
                    didnumber, direction, calltype, team_id, group_id, modeltype, model_id, agentno, extra, duplicate_of,
                    fingerprint)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            upsertCursor = try db.prepare("""
                INSERT INTO ingest_cursors (origin, position, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (origin) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at
                """)
            origins = try Origins(db)
            agentDuplicates = try AgentDuplicates(db)
            sessions = try SessionKeeper(store, staleAfterSeconds: staleAfterSeconds, capacity: heldSessions)
            dataVersion = try db.dataVersion()
        } catch {
            throw .failed(path: store.path, error)
        }
    }

    /// Starts a batch: one write transaction.
    public func begin() throws(StoreError) {
        precondition(!inTransaction, "begin() inside a batch")
        try storeFailure { () throws(SQLiteError) in
            try store.database.execute("BEGIN IMMEDIATE")
            do throws(SQLiteError) {
                // Read under the write lock: nobody else can commit until this batch ends.
                let version = try store.database.dataVersion()
                if version != dataVersion {
                    dataVersion = version
                    sessions.forgetAll()
                }
            } catch {
                try? store.database.execute("ROLLBACK")
                throw error
            }
        }
        inTransaction = true
    }

    /// Stores one event: `line` is its bytes without the line ending. `cutShort` says the source
    /// could keep only this first part of it; it is then stored as rejected. Returns whether it parsed.
    @discardableResult
    public func record(_ line: UnsafeRawBufferPointer, origin: String, received: Received, cutShort: Bool = false) throws(StoreError) -> Bool {
        precondition(inTransaction, "record() outside a batch")
        let parsed = cutShort
            ? .failure(EventParseError(message: "line too long: only its first \(line.count) bytes are stored"))
            : EventParser.parse(line)
        let isDuplicate = try storeFailure { () throws(SQLiteError) -> Bool in
            let s = insertEvent
            // Unbound parameters are NULL: start from none, whatever an earlier failure left.
            s.reset()
            text.reset()
            try s.bind(received.millis, at: 1)
            try s.bind(try origins.number(of: origin), at: 2)
            if isValidUTF8(line) {
                // The line stays in the source's buffer until this row is stored.
                try s.bindTextInPlace(line, at: 3)
            } else {
                try s.bind(String(decoding: line, as: UTF8.self), at: 3)
                try s.bindBlob(line, at: 4)
            }
            switch parsed {
            case .failure(let error):
                try s.bind(error.message, at: 5)
                try s.run()
                return false
            case .success(let event):
                return try insert(event, received: received)
            }
        }
        let isParsed = if case .success = parsed { true } else { false }
        batch.countEvent(from: origin, parsed: isParsed, duplicate: isDuplicate)
        return isParsed
    }

    /// Binds and runs the parsed columns of `insertEvent`, whose raw columns are bound. Returns
    /// whether the event is a duplicate.
    private func insert(_ event: ParsedEvent, received: Received) throws(SQLiteError) -> Bool {
        let civil = event.eventTime.flatMap(CivilTime.init(parsing:))
        var session: HeldSession?
        var agent: HeldAgent?
        if let sessionid = event.sessionid {
            session = try sessions.held.session(for: sessionid)
        } else if let key = event.agentKey {
            agent = try sessions.agents.agent(key)
        }
        // Until its session has a timed event the estimate is the arrival itself (SPEC 1.3); the
        // session is brought up to date at commit. An agent's comes from its last timed event.
        let epoch = civil.map(clock.epoch(of:))
            ?? agent.map { sessions.agents.estimate(for: $0, receivedMillis: received.millis) }
            ?? TimeEstimator.estimate(receivedMillis: received.millis, offsetMillis: nil)
        // That instant in the zone (SPEC 1.3): a wall time in a DST gap is the hour after it.
        let time = clock.civilTime(at: epoch).text
        let original: Int64?
        if let session {
            original = session.original(of: event)
        } else {
            original = try agentDuplicates.original(of: event, sentTime: civil == nil ? nil : time)
        }

        let s = insertEvent
        try s.bind(session?.number, at: 6)
        try text.bind(event.source, to: s, at: 7)
        try text.bind(event.event, to: s, at: 8)
        try text.bind(time, to: s, at: 9)
        try s.bind(epoch, at: 10)
        try s.bind(civil == nil, at: 11)
        try text.bind(event.eventid, to: s, at: 12)
        try text.bind(event.uniqueid, to: s, at: 13)
        try text.bind(event.channel, to: s, at: 14)
        try text.bind(event.calleridnum, to: s, at: 15)
        try text.bind(event.activenum, to: s, at: 16)
        try text.bind(event.didnumber, to: s, at: 17)
        try text.bind(event.direction, to: s, at: 18)
        try text.bind(event.calltype, to: s, at: 19)
        try text.bind(event.teamID, to: s, at: 20)
        try text.bind(event.groupID, to: s, at: 21)
        try text.bind(event.modeltype, to: s, at: 22)
        try text.bind(event.modelID, to: s, at: 23)
        try text.bind(event.agentno, to: s, at: 24)
        try text.bind(event.extraJSON, to: s, at: 25)
        try s.bind(original, at: 26)
        try s.bind(session == nil ? event.dedupeKey : nil, at: 27)
        try s.run()

        if let agent, original == nil {
            let stored = AgentEvent(rawID: s.lastInsertedRowID, eventid: event.eventid, event: event.event, epoch: epoch,
                                    groupID: event.groupID, reason: event.reason)
            sessions.agents.record(stored, of: agent, timed: civil != nil, receivedMillis: received.millis)
        }
        guard let session else { return original != nil }
        session.append(HeldEvent(event, rawID: s.lastInsertedRowID, epoch: epoch, timeEstimated: civil == nil,
                                 receivedMillis: received.millis, isDuplicate: original != nil))
        guard original == nil else { return true }
        var touch = touched[session.number] ?? SessionTouch()
        if touched[session.number] == nil { touchOrder.append(session) }
        touch.hasEstimatedEvent = touch.hasEstimatedEvent || civil == nil
        touch.sawConversationHangup = touch.sawConversationHangup || (event.source == "CONVERSATION" && event.event == "hangup")
        touched[session.number] = touch
        return false
    }

    /// Assembles the stale open sessions in the current batch (SPEC 3); counted with its calls.
    public func assembleStale(now: Received) throws(StoreError) {
        precondition(inTransaction, "assembleStale() outside a batch")
        try sessions.assembleStale(now: now, counts: &batch)
    }

    /// The stored position of a resumable source, nil when it never committed anything.
    public func cursorPosition(for origin: String) throws(StoreError) -> String? {
        try store.cursorPosition(for: origin)
    }

    /// Records how far `origin` got, in the same transaction as the events it covers.
    public func saveCursor(origin: String, position: String, now: Received) throws(StoreError) {
        precondition(inTransaction, "saveCursor() outside a batch")
        try storeFailure { () throws(SQLiteError) in
            try upsertCursor.bind(origin, at: 1)
            try upsertCursor.bind(position, at: 2)
            try upsertCursor.bind(now.text, at: 3)
            try upsertCursor.run()
        }
    }

    /// Brings the touched sessions up to date and commits. Returns the batch's counts.
    @discardableResult
    public func commit() throws(StoreError) -> IngestCounts {
        precondition(inTransaction, "commit() outside a batch")
        do {
            for session in touchOrder {
                try sessions.update(session, after: touched[session.number]!, counts: &batch)
            }
            try sessions.agents.settle()
            try store.database.execute("COMMIT")
        } catch {
            rollback()
            throw .failed(path: store.path, error)
        }
        inTransaction = false
        let committed = batch
        totals += committed
        clearBatch()
        sessions.held.trim()
        return committed
    }

    /// Drops the batch: nothing of it is stored, and memory forgets what it held of it.
    public func rollback() {
        if inTransaction { try? store.database.execute("ROLLBACK") }
        inTransaction = false
        clearBatch()
        sessions.forgetAll()
        origins.forgetAll()
    }

    private func clearBatch() {
        batch = IngestCounts()
        touched.removeAll(keepingCapacity: true)
        touchOrder.removeAll(keepingCapacity: true)
    }

    private func storeFailure<T>(_ body: () throws(SQLiteError) -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch {
            throw .failed(path: store.path, error)
        }
    }
}

/// When an event arrived: Unix milliseconds and the `received_at` text, computed once per read.
public struct Received: Sendable {
    public let millis: Int64
    public let text: String

    public init(millis: Int64) {
        self.millis = millis
        text = ReceivedAt.text(millis: millis)
    }

    public static func now() -> Received {
        Received(millis: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }
}
