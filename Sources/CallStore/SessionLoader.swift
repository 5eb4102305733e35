import CallAssembly
import SQLite

/// One stored event of a session, with what estimating its time needs.
struct StoredSessionEvent {
    var event: SessionEvent
    var timeEstimated: Bool
    var receivedAt: String
}

/// Reads a session's events through `events_by_session`.
struct SessionLoader {
    private let select: Statement

    init(_ db: Database) throws(SQLiteError) {
        select = try db.prepare("""
            SELECT e.raw_id, e.eventid, e.source, e.event, e.event_epoch, e.time_estimated, r.received_at,
                   e.uniqueid, e.channel, e.calleridnum, e.activenum, e.didnumber, e.direction,
                   e.team_id, e.group_id, e.modeltype, e.model_id, e.duplicate_of IS NOT NULL
            FROM events e JOIN raw_events r ON r.id = e.raw_id
            WHERE e.sessionid = ?
            ORDER BY e.raw_id
            """)
    }

    func events(of sessionid: String) throws(SQLiteError) -> [StoredSessionEvent] {
        let s = select
        s.reset()
        s.bind(sessionid, at: 1)
        var events: [StoredSessionEvent] = []
        while try s.step() {
            let event = SessionEvent(
                rawID: s.int64(at: 0), eventid: s.text(at: 1), source: s.text(at: 2), event: s.text(at: 3) ?? "",
                epoch: s.int64(at: 4), uniqueid: s.text(at: 7), channel: s.text(at: 8), calleridnum: s.text(at: 9),
                activenum: s.text(at: 10), didnumber: s.text(at: 11), direction: s.text(at: 12), teamID: s.text(at: 13),
                groupID: s.text(at: 14), modeltype: s.text(at: 15), modelID: s.text(at: 16), isDuplicate: s.int64(at: 17) != 0)
            events.append(StoredSessionEvent(event: event, timeEstimated: s.int64(at: 5) != 0, receivedAt: s.text(at: 6) ?? ""))
        }
        return events
    }
}
