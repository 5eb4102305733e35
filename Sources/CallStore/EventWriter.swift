import CallEvents
import Foundation
import SQLite

/// The one writer of a database: stores each received event raw and parsed, flags duplicates,
/// and at commit brings the sessions it touched up to date (estimated times, call records).
///
/// Use: `begin()`, then `record(...)` for each event and `saveCursor(...)` for each source that
/// can resume, then `commit()`. Nothing is durable, and nothing may be acknowledged, before `commit()` returns.
public final class EventWriter {
    let store: CallStore
    var clock: ZoneClock
    let sessions: SessionKeeper
    private let insertRaw: Statement
    private let insertEvent: Statement
    private let findOriginal: Statement
    private let upsertCursor: Statement

    private var inTransaction = false
    private var batch = IngestCounts()
    private var touched: [String: SessionTouch] = [:]
    private var touchOrder: [String] = []

    /// The counts of every batch committed so far.
    public private(set) var totals = IngestCounts()

    public init(store: CallStore, staleAfterSeconds: Int64 = SessionKeeper.defaultStaleAfter) throws(StoreError) {
        self.store = store
        clock = ZoneClock(store.zone)
        let db = store.database
        do {
            insertRaw = try db.prepare("""
                INSERT INTO raw_events (received_at, origin, payload, payload_bytes, parse_error)
                VALUES (?, ?, ?, ?, ?)
                """)
            insertEvent = try db.prepare("""
                INSERT INTO events (raw_id, sessionid, source, event, event_time, event_epoch, time_estimated,
                    eventid, uniqueid, channel, calleridnum, activenum, didnumber, direction, calltype,
                    team_id, group_id, modeltype, model_id, agentno, extra, duplicate_of, dedupe_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            findOriginal = try db.prepare("""
                SELECT raw_id FROM events
                WHERE sessionid IS ? AND dedupe_key = ? AND duplicate_of IS NULL
                ORDER BY raw_id LIMIT 1
                """)
            upsertCursor = try db.prepare("""
                INSERT INTO ingest_cursors (origin, position, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (origin) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at
                """)
            sessions = try SessionKeeper(store, staleAfterSeconds: staleAfterSeconds)
        } catch {
            throw .failed(path: store.path, error)
        }
    }

    /// Starts a batch: one write transaction.
    public func begin() throws(StoreError) {
        precondition(!inTransaction, "begin() inside a batch")
        try storeFailure { try store.database.execute("BEGIN IMMEDIATE") }
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
        try storeFailure {
            insertRaw.reset()
            insertRaw.bind(received.text, at: 1)
            insertRaw.bind(origin, at: 2)
            if isValidUTF8(line) {
                insertRaw.bindText(line, at: 3)
            } else {
                insertRaw.bind(String(decoding: line, as: UTF8.self), at: 3)
                insertRaw.bindBlob(line, at: 4)
            }
            if case .failure(let error) = parsed { insertRaw.bind(error.message, at: 5) }
            try insertRaw.step()
        }
        batch.received += 1
        switch parsed {
        case .failure:
            batch.rejected += 1
            return false
        case .success(let event):
            batch.parsed += 1
            try storeFailure { try insert(event, rawID: store.database.lastInsertedRowID, received: received) }
            return true
        }
    }

    /// Assembles the stale open sessions in the current batch (SPEC 3); counted with its calls.
    public func assembleStale(now: Received) throws(StoreError) {
        precondition(inTransaction, "assembleStale() outside a batch")
        batch.callsAssembled += try sessions.assembleStale(now: now)
    }

    private func insert(_ event: ParsedEvent, rawID: Int64, received: Received) throws {
        let civil = event.eventTime.flatMap(CivilTime.init(parsing:))
        let epoch: Int64
        let time: String
        if let civil {
            epoch = clock.epoch(of: civil)
            // That instant in the zone (SPEC 1.3): a wall time in a DST gap is the hour after it.
            time = clock.civilTime(at: epoch).text
        } else {
            // Until its session has a timed event the estimate is the arrival itself (SPEC 1.3);
            // the session is brought up to date at commit.
            epoch = (received.millis + 500) / 1000
            time = clock.civilTime(at: epoch).text
        }

        findOriginal.reset()
        findOriginal.bind(event.sessionid, at: 1)
        findOriginal.bind(event.dedupeKey, at: 2)
        let original: Int64? = try findOriginal.step() ? findOriginal.int64(at: 0) : nil
        // A statement left on a row keeps its read snapshot past COMMIT, and the next batch could
        // not write once another connection has.
        findOriginal.reset()

        let s = insertEvent
        s.reset()
        s.bind(rawID, at: 1)
        s.bind(event.sessionid, at: 2)
        s.bind(event.source, at: 3)
        s.bind(event.event, at: 4)
        s.bind(time, at: 5)
        s.bind(epoch, at: 6)
        s.bind(civil == nil, at: 7)
        s.bind(event.eventid, at: 8)
        s.bind(event.uniqueid, at: 9)
        s.bind(event.channel, at: 10)
        s.bind(event.calleridnum, at: 11)
        s.bind(event.activenum, at: 12)
        s.bind(event.didnumber, at: 13)
        s.bind(event.direction, at: 14)
        s.bind(event.calltype, at: 15)
        s.bind(event.teamID, at: 16)
        s.bind(event.groupID, at: 17)
        s.bind(event.modeltype, at: 18)
        s.bind(event.modelID, at: 19)
        s.bind(event.agentno, at: 20)
        s.bind(event.extraJSON, at: 21)
        s.bind(original, at: 22)
        s.bind(event.dedupeKey, at: 23)
        try s.step()

        if original != nil {
            batch.duplicates += 1
        } else if let sessionid = event.sessionid {
            touch(sessionid, received: received, estimated: civil == nil,
                  hangup: event.source == "CONVERSATION" && event.event == "hangup")
        }
    }

    private func touch(_ sessionid: String, received: Received, estimated: Bool, hangup: Bool) {
        if touched[sessionid] == nil { touchOrder.append(sessionid) }
        touched[sessionid, default: SessionTouch(lastReceivedAt: received.text)].add(received: received.text, estimated: estimated, hangup: hangup)
    }

    /// The stored position of a resumable source, nil when it never committed anything.
    public func cursorPosition(for origin: String) throws(StoreError) -> String? {
        try store.cursorPosition(for: origin)
    }

    /// Records how far `origin` got, in the same transaction as the events it covers.
    public func saveCursor(origin: String, position: String, now: Received) throws(StoreError) {
        precondition(inTransaction, "saveCursor() outside a batch")
        try storeFailure {
            upsertCursor.reset()
            upsertCursor.bind(origin, at: 1)
            upsertCursor.bind(position, at: 2)
            upsertCursor.bind(now.text, at: 3)
            try upsertCursor.step()
        }
    }

    /// Brings the touched sessions up to date and commits. Returns the batch's counts.
    @discardableResult
    public func commit() throws(StoreError) -> IngestCounts {
        precondition(inTransaction, "commit() outside a batch")
        do {
            for sessionid in touchOrder {
                batch.callsAssembled += try sessions.update(sessionid, after: touched[sessionid]!)
            }
            try store.database.execute("COMMIT")
        } catch {
            rollback()
            throw Self.wrap(error, path: store.path)
        }
        inTransaction = false
        let committed = batch
        totals += committed
        clearBatch()
        return committed
    }

    /// Drops the batch: nothing of it is stored.
    public func rollback() {
        if inTransaction { try? store.database.execute("ROLLBACK") }
        inTransaction = false
        clearBatch()
    }

    private func clearBatch() {
        batch = IngestCounts()
        touched.removeAll(keepingCapacity: true)
        touchOrder.removeAll(keepingCapacity: true)
    }

    private func storeFailure<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch {
            throw Self.wrap(error, path: store.path)
        }
    }

    static func wrap(_ error: any Error, path: String) -> StoreError {
        switch error {
        case let error as StoreError: error
        case let error as SQLiteError: .failed(path: path, error)
        default: preconditionFailure("unexpected error: \(error)")
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

/// What a batch did to one session.
struct SessionTouch {
    var lastReceivedAt: String
    var hasEstimatedEvent = false
    var sawConversationHangup = false

    mutating func add(received: String, estimated: Bool, hangup: Bool) {
        lastReceivedAt = received
        hasEstimatedEvent = hasEstimatedEvent || estimated
        sawConversationHangup = sawConversationHangup || hangup
    }
}
