import CallEvents
import SQLite

/// The `sessions` table, and the reads that bring a session's events back into memory: after a
/// restart, or when it was let go to keep memory bounded.
struct SessionRows {
    private let insert: Statement
    private let find: Statement
    private let findID: Statement
    private let load: Statement
    private let loadRange: Statement
    private let callComplete: Statement

    /// The columns `HeldEvent(row:)` reads, in its order.
    static let eventColumns = "raw_id, received_ms, payload, payload_bytes, event_epoch, time_estimated, duplicate_of IS NOT NULL"

    init(_ db: Database) throws(SQLiteError) {
        // The one insert into a B-tree keyed by the random sessionid, once per session.
        insert = try db.prepare("INSERT INTO sessions (sessionid) VALUES (?) ON CONFLICT (sessionid) DO NOTHING")
        find = try db.prepare("SELECT session_no FROM sessions WHERE sessionid = ?")
        findID = try db.prepare("SELECT sessionid FROM sessions WHERE session_no = ?")
        load = try db.prepare("SELECT \(Self.eventColumns) FROM event_log WHERE session_no = ? ORDER BY raw_id")
        loadRange = try db.prepare("""
            SELECT session_no, \(Self.eventColumns) FROM event_log
            WHERE session_no BETWEEN ? AND ? ORDER BY session_no, raw_id
            """)
        callComplete = try db.prepare("SELECT complete FROM call_records WHERE session_no = ?")
    }

    /// The session's number, and whether this call gave it one (its first event is being stored).
    func number(for sessionid: String) throws(SQLiteError) -> (number: Int64, isNew: Bool) {
        try insert.bind(sessionid, at: 1)
        try insert.run()
        if insert.changes > 0 { return (insert.lastInsertedRowID, true) }
        defer { find.reset() }
        try find.bind(sessionid, at: 1)
        guard try find.step() else { preconditionFailure("sessions has no row for a sessionid it refused as a duplicate") }
        return (find.int64(at: 0), false)
    }

    func sessionid(of number: Int64) throws(SQLiteError) -> String? {
        defer { findID.reset() }
        try findID.bind(number, at: 1)
        return try findID.step() ? findID.text(at: 0) : nil
    }

    /// A stored session as the writer holds it.
    func session(_ number: Int64, sessionid: String) throws(SQLiteError) -> HeldSession {
        defer { load.reset() }
        try load.bind(number, at: 1)
        var events: [HeldEvent] = []
        while try load.step() {
            if let event = HeldEvent(row: load, from: 0) { events.append(event) }
        }
        return HeldSession(number: number, sessionid: sessionid, events: events, storedCall: try storedCall(number))
    }

    /// The events of sessions `first...last`, in session order and then arrival order: one pass of
    /// `event_log_by_session`.
    func events(ofSessions range: ClosedRange<Int64>, _ body: (Int64, HeldEvent) throws(SQLiteError) -> Void) throws(SQLiteError) {
        defer { loadRange.reset() }
        try loadRange.bind(range.lowerBound, at: 1)
        try loadRange.bind(range.upperBound, at: 2)
        while try loadRange.step() {
            if let event = HeldEvent(row: loadRange, from: 1) { try body(loadRange.int64(at: 0), event) }
        }
    }

    func storedCall(_ number: Int64) throws(SQLiteError) -> StoredCall {
        defer { callComplete.reset() }
        try callComplete.bind(number, at: 1)
        return StoredCall(complete: try callComplete.step() ? callComplete.int64(at: 0) != 0 : nil)
    }
}

extension HeldEvent {
    /// An event read back from `event_log` (the columns of `SessionRows.eventColumns` from `column`
    /// on), parsed again from the bytes it was received as, so it is exactly the event that was stored.
    init?(row: Statement, from column: Int32) {
        let parsed: Result<ParsedEvent, EventParseError>
        if let bytes = row.blob(at: column + 3) {
            parsed = EventParser.parse(bytes)
        } else {
            parsed = EventParser.parse(row.text(at: column + 2) ?? "")
        }
        guard case .success(let event) = parsed else { return nil }
        self.init(event, rawID: row.int64(at: column), epoch: row.int64(at: column + 4),
                  timeEstimated: row.int64(at: column + 5) != 0, receivedMillis: row.int64(at: column + 1),
                  isDuplicate: row.int64(at: column + 6) != 0)
    }
}
