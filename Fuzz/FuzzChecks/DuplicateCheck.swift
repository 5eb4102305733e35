import CallEvents
import SQLite

/// SPEC 1.4 checked from the stored rows alone: every parsed event is parsed again from its
/// payload, and its `duplicate_of` must be the first earlier non-duplicate event of the same
/// session (agent-state events: of the same agent) that is the same event, else NULL.
enum DuplicateCheck {
    static func check(_ db: Database) throws -> String? {
        let select = try db.prepare("""
            SELECT e.raw_id, e.sessionid, coalesce(e.agentno, e.activenum), r.payload, r.payload_bytes, e.duplicate_of
            FROM events e JOIN raw_events r ON r.id = e.raw_id ORDER BY e.raw_id
            """)
        var originals: [String: [(rawID: Int64, event: ParsedEvent)]] = [:]
        while try select.step() {
            let rawID = select.int64(at: 0)
            let group = select.text(at: 1).map { "session " + $0 } ?? "agent " + (select.text(at: 2) ?? "(none)")
            let parsed = select.blob(at: 4).map { EventParser.parse($0) } ?? EventParser.parse(select.text(at: 3) ?? "")
            guard case .success(let event) = parsed else { return "event \(rawID) no longer parses from its payload" }
            let expected = originals[group]?.first { $0.event.isSameEvent(as: event) }?.rawID
            let stored = select.optionalInt64(at: 5)
            if stored != expected {
                return "event \(rawID) of \(group) has duplicate_of \(stored.map(String.init) ?? "NULL"), expected \(expected.map(String.init) ?? "NULL")"
            }
            if expected == nil { originals[group, default: []].append((rawID, event)) }
        }
        return nil
    }
}
