/// The SQL of `report agents`: the AGENT parties of the matching calls, per party `number`.
enum AgentQuery {
    static func sql(filter: CallFilter, _ parameters: inout SQLParameters) -> String {
        // With --agent, the other agents of those calls are left out too.
        let onlyAgent = filter.agent.map { " AND p.number = \(parameters.add($0))" } ?? ""
        let offers: String
        if filter.coversDatesAndAgentOnly {
            // The parties are found by their call's start_time in parties_agent_by_start alone,
            // in time order, rather than one look-up per call.
            var range = ""
            if let from = filter.startFrom { range += " AND p.call_start_time >= \(parameters.add(from))" }
            if let before = filter.startBefore { range += " AND p.call_start_time < \(parameters.add(before))" }
            offers = """
                offers AS (
                    SELECT p.number AS agent, count(*) AS offered, count(p.answer_epoch) AS answered,
                        sum(p.talk_seconds) AS talk, sum(p.hold_seconds) AS hold,
                        sum(p.ring_seconds) FILTER (WHERE p.answer_epoch IS NOT NULL) AS answered_ring
                    FROM parties p INDEXED BY parties_agent_by_start
                    WHERE p.role = 'AGENT'\(range)\(onlyAgent) GROUP BY p.number)
                """
        } else {
            offers = offersOfMatchingCalls(filter: filter, onlyAgent: onlyAgent, &parameters)
        }
        // For handled, the same filter again over the agent's own calls, found through
        // calls_by_agent (agent_number, start_time): without other filters, from the index alone.
        let handledBy = filter.whereClause(on: "h", &parameters)
        let handledCondition = (handledBy.isEmpty ? "WHERE" : handledBy + " AND") + " h.agent_number = o.agent"
        return """
            WITH \(offers)
            SELECT o.agent, o.offered, o.answered, (SELECT count(*) FROM call_records h \(handledCondition)),
                o.talk, o.hold, o.answered_ring
            FROM offers o
            ORDER BY o.agent IS NULL, CAST(o.agent AS INTEGER), o.agent
            """
    }

    private static func offersOfMatchingCalls(filter: CallFilter, onlyAgent: String, _ parameters: inout SQLParameters) -> String {
        let matching = filter.whereClause(on: "c", &parameters)
        // The matching calls in session order, so that their parties are read in the order
        // `parties` keeps them rather than at random (measured: faster, sort included).
        return """
            matched AS MATERIALIZED (SELECT c.session_no FROM call_records c \(matching) ORDER BY c.session_no),
            offers AS (
                SELECT p.number AS agent, count(*) AS offered, count(p.answer_epoch) AS answered,
                    sum(p.talk_seconds) AS talk, sum(p.hold_seconds) AS hold,
                    sum(p.ring_seconds) FILTER (WHERE p.answer_epoch IS NOT NULL) AS answered_ring
                FROM matched m JOIN parties p ON p.session_no = m.session_no
                WHERE p.role = 'AGENT'\(onlyAgent) GROUP BY p.number)
            """
    }
}
