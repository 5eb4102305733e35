/// The SQL of `report agents`: the AGENT parties of the matching calls, per party `number`.
enum AgentQuery {
    static func sql(filter: CallFilter, _ parameters: inout SQLParameters) -> String {
        // With --agent, the other agents of those calls are left out too.
        let onlyAgent = filter.agent.map { " AND p.number = \(parameters.add($0))" } ?? ""
        let matching = filter.whereClause(on: "c", &parameters)
        // For handled, the same filter again over the agent's own calls, found through
        // calls_by_agent (agent_number, start_time): without other filters, from the index alone.
        let handledBy = filter.whereClause(on: "h", &parameters)
        let handledCondition = (handledBy.isEmpty ? "WHERE" : handledBy + " AND") + " h.agent_number = o.agent"
        // The matching calls in sessionid order, so that their parties are read in the order
        // call_parties keeps them rather than at random (measured: faster, sort included).
        return """
            WITH matched AS MATERIALIZED (SELECT c.sessionid FROM calls c \(matching) ORDER BY c.sessionid),
            offers AS (
                SELECT p.number AS agent, count(*) AS offered, count(p.answer_epoch) AS answered,
                    sum(p.talk_seconds) AS talk, sum(p.hold_seconds) AS hold,
                    sum(p.ring_seconds) FILTER (WHERE p.answer_epoch IS NOT NULL) AS answered_ring
                FROM matched m JOIN call_parties p ON p.sessionid = m.sessionid
                WHERE p.role = 'AGENT'\(onlyAgent) GROUP BY p.number)
            SELECT o.agent, o.offered, o.answered, (SELECT count(*) FROM calls h \(handledCondition)),
                o.talk, o.hold, o.answered_ring
            FROM offers o
            ORDER BY o.agent IS NULL, CAST(o.agent AS INTEGER), o.agent
            """
    }
}
