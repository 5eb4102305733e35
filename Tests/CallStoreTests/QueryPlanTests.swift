@_spi(Inspection) import CallStore
import Foundation
import SQLite
import Testing

/// What a user or the assembler does often is an index search through the SPEC names: the query
/// plan SEARCHes every large table and SCANs none (SPEC 2).
@Suite struct QueryPlanTests {
    static let searches: [(what: String, sql: String)] = [
        ("a session's events", "SELECT * FROM events WHERE sessionid = ?"),
        ("a session's call", "SELECT * FROM calls WHERE sessionid = ?"),
        ("a call's parties", "SELECT * FROM call_parties WHERE sessionid = ?"),
        ("a day's calls", "SELECT * FROM calls WHERE start_time >= ? AND start_time < ?"),
        ("a customer's calls", "SELECT * FROM calls WHERE customer_number = ?"),
        ("an agent's parties by number", "SELECT * FROM call_parties WHERE role = 'AGENT' AND number = ?"),
        ("a consultant's parties by number", "SELECT * FROM call_parties WHERE role = 'CONSULT' AND number = ?"),
        ("an event by its raw_id", "SELECT * FROM raw_events WHERE id = ?"),
        ("an agent's offers (README)", "SELECT * FROM agent_parties WHERE agent = ? AND NOT answered"),
        ("an agent's intervals (SPEC 2)", "SELECT * FROM agent_states WHERE agent = ?"),
        ("an agent's intervals of a day", "SELECT * FROM agent_states WHERE agent = ? AND start_time >= ? AND start_time < ?"),
        ("the calls an agent handled", "SELECT * FROM calls WHERE agent = ?"),
        ("the writer's reading back of an agent's events (AgentRows)", """
            SELECT raw_id FROM event_log
            WHERE coalesce(agentno, activenum) = ? AND session_no IS NULL AND event IS NOT NULL AND duplicate_of IS NULL
            ORDER BY raw_id
            """),
        ("the writer's reading back of an agent's answered parties (AgentRows)", """
            SELECT session_no, party, end_epoch FROM parties
            WHERE agent = ? AND role IN ('AGENT', 'CONSULT') AND role = 'AGENT' AND answer_epoch IS NOT NULL
            """),
        ("the newest event time (report agents, agent_days)", "SELECT max(event_epoch) FROM event_log"),
        ("the writer's look-up of an agent's earlier copies (AgentDuplicates)", """
            SELECT raw_id FROM event_log WHERE coalesce(agentno, activenum) IS ?1
                AND coalesce(eventid, CASE WHEN time_estimated = 0 THEN event_time END) IS ?2 AND fingerprint = ?3
                AND session_no IS NULL AND event IS NOT NULL AND duplicate_of IS NULL ORDER BY raw_id
            """),
    ]

    /// What reads a month of rows finds them in an index that holds every column it reads: a
    /// look-up in the table for each row was most of `report agents`' time (measured).
    static let fromIndexAlone: [(what: String, sql: String, index: String)] = [
        ("agents' intervals over a range (report agents, now)", """
            SELECT agent, state, group_id, start_epoch, end_epoch, reason, start_raw_id, end_raw_id FROM agent_intervals
            WHERE start_epoch >= ?1 AND start_epoch < ?2
            """, "agent_intervals_by_start"),
    ]

    @Test(arguments: fromIndexAlone.map(\.what))
    func readsAnIndexAlone(_ what: String) throws {
        let (_, sql, index) = Self.fromIndexAlone.first { $0.what == what }!
        try withTemporaryDirectory { dir in
            let store = try CallStore(path: dir.appendingPathComponent("cdr.db").path, access: .create, timeZone: "Asia/Shanghai")
            try EventWriter(store: store).ingest(vendorFlowLines + AgentShift.lines)
            let plan = try store.database.rows("EXPLAIN QUERY PLAN " + sql).map { $0[3] ?? "" }
            #expect(plan.contains { $0.hasPrefix("SEARCH") && $0.contains("USING COVERING INDEX \(index) ") }, "\(what): \(plan)")
        }
    }

    @Test(arguments: searches.map(\.what))
    func isAnIndexSearch(_ what: String) throws {
        let sql = Self.searches.first { $0.what == what }!.sql
        try withTemporaryDirectory { dir in
            let store = try CallStore(path: dir.appendingPathComponent("cdr.db").path, access: .create, timeZone: "Asia/Shanghai")
            try EventWriter(store: store).ingest(vendorFlowLines + AgentShift.lines)
            let plan = try store.database.rows("EXPLAIN QUERY PLAN " + sql).map { $0[3] ?? "" }
            // The views name their tables by alias, and every table under them grows with the
            // traffic: no SCAN at all.
            #expect(!plan.contains { $0.hasPrefix("SCAN") }, "\(what): \(plan)")
            #expect(plan.contains { $0.hasPrefix("SEARCH") }, "\(what): \(plan)")
        }
    }
}
