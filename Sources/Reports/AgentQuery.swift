/// The SQL of `report agents`' call figures: the AGENT parties of the matching calls, per agent key
/// (SPEC 6.1).
enum AgentQuery {
    static func sql(filter: CallFilter, _ parameters: inout SQLParameters) -> String {
        // With --agent, the other agents of those calls are left out too.
        let onlyAgent = filter.agent.map { agent in
            let value = parameters.add(agent)
            return " AND (p.agent = \(value) OR p.number = \(value))"
        } ?? ""
        let figures = """
            p.agent AS agent, count(*) AS offered, count(p.answer_epoch) AS answered,
                sum(p.talk_seconds) AS talk, sum(p.hold_seconds) AS hold,
                sum(p.ring_seconds) FILTER (WHERE p.answer_epoch IS NOT NULL) AS answered_ring,
                sum(p.talk_seconds + p.hold_seconds + p.acw_seconds) FILTER (WHERE p.answer_epoch IS NOT NULL) AS handle
            """
        let offers: String
        if filter.coversDatesAndAgentOnly {
            // The parties are found by their call's start_time in parties_by_start alone, in time
            // order, rather than one look-up per call. `role IN` as the index has it.
            var range = ""
            if let from = filter.startFrom { range += " AND p.call_start_time >= \(parameters.add(from))" }
            if let before = filter.startBefore { range += " AND p.call_start_time < \(parameters.add(before))" }
            offers = """
                offers AS (
                    SELECT \(figures)
                    FROM parties p INDEXED BY parties_by_start
                    WHERE p.role IN ('AGENT', 'CONSULT') AND p.role = 'AGENT'\(range)\(onlyAgent) GROUP BY p.agent)
                """
        } else {
            let matching = filter.whereClause(on: "c", &parameters)
            // The matching calls in session order, so that their parties are read in the order
            // `parties` keeps them rather than at random (measured: faster, sort included).
            offers = """
                matched AS MATERIALIZED (SELECT c.session_no FROM call_records c \(matching) ORDER BY c.session_no),
                offers AS (
                    SELECT \(figures)
                    FROM matched m JOIN parties p ON p.session_no = m.session_no
                    WHERE p.role = 'AGENT'\(onlyAgent) GROUP BY p.agent)
                """
        }
        // For handled, the same filter again over the agent's own calls, found through
        // call_records_by_agent (agent, start_time): without other filters, from the index alone.
        let handledBy = filter.whereClause(on: "h", &parameters)
        let handledCondition = (handledBy.isEmpty ? "WHERE" : handledBy + " AND") + " h.agent = o.agent"
        return """
            WITH \(offers)
            SELECT o.agent, o.offered, o.answered, (SELECT count(*) FROM call_records h \(handledCondition)),
                o.talk, o.hold, o.answered_ring, o.handle
            FROM offers o
            """
    }
}
