import CallEvents
import SQLite

/// The duplicate check of agent-state events (no sessionid), per agent (SPEC 1.4, 6.1). An agent's
/// history has no end to hold in memory, so its earlier events are looked up in
/// `agent_events_by_fingerprint` by what every copy shares (the agent, the eventid or else the time
/// sent, the hash), and each candidate is parsed again and compared.
struct AgentDuplicates {
    private let candidates: Statement

    init(_ db: Database) throws(SQLiteError) {
        candidates = try db.prepare("""
            SELECT raw_id, payload, payload_bytes FROM event_log
            WHERE coalesce(agentno, activenum) IS ?1
                AND coalesce(eventid, CASE WHEN time_estimated = 0 THEN event_time END) IS ?2 AND fingerprint = ?3
                AND session_no IS NULL AND event IS NOT NULL AND duplicate_of IS NULL
            ORDER BY raw_id
            """)
    }

    /// The raw_id of the first stored copy of `event`, nil when it is new. `sentTime`: its
    /// `event_time` when it came with a valid eventTime (copies share it), else nil.
    func original(of event: ParsedEvent, sentTime: String?) throws(SQLiteError) -> Int64? {
        defer { candidates.reset() }
        try candidates.bind(event.agentno ?? event.activenum, at: 1)
        try candidates.bind(event.eventid ?? sentTime, at: 2)
        try candidates.bind(event.dedupeKey, at: 3)
        while try candidates.step() {
            let stored = candidates.blob(at: 2).map { EventParser.parse($0) } ?? EventParser.parse(candidates.text(at: 1) ?? "")
            if case .success(let earlier) = stored, earlier.isSameEvent(as: event) { return candidates.int64(at: 0) }
        }
        return nil
    }
}
