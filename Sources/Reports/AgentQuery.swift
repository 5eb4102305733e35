/// The SQL of `report agents`' call figures (SPEC 5, per agent key of SPEC 6.1): the AGENT parties
/// of the matching calls, one row each, added up per agent by `AgentTally` (a GROUP BY here would
/// sort a month's parties: measured, ten times the scan itself), and the calls each agent handled.
enum AgentQuery {
    /// Rows of (agent, answered, talk, hold, ring, acw), one per AGENT party of the matching calls.
    static func partiesSQL(filter: CallFilter, _ parameters: inout SQLParameters) -> String {
        // With --agent, the other agents of those calls are left out too.
        let onlyAgent = filter.agent.map { agent in
            let value = parameters.add(agent)
            return " AND (p.agent = \(value) OR p.number = \(value))"
        } ?? ""
        let columns = "p.agent, p.answer_epoch IS NOT NULL, p.talk_seconds, p.hold_seconds, p.ring_seconds, p.acw_seconds"
        guard filter.coversDatesAndAgentOnly else {
            let matching = filter.whereClause(on: "c", &parameters)
            // The matching calls in session order, so that their parties are read in the order
            // `parties` keeps them rather than at random (measured: faster, sort included).
            return """
                WITH matched AS MATERIALIZED (SELECT c.session_no FROM call_records c \(matching) ORDER BY c.session_no)
                SELECT \(columns) FROM matched m JOIN parties p ON p.session_no = m.session_no
                WHERE p.role = 'AGENT'\(onlyAgent)
                """
        }
        // The parties are found by their call's start_time in parties_by_start alone, in time
        // order, rather than one look-up per call. `role IN` as the index has it.
        var range = ""
        if let from = filter.startFrom { range += " AND p.call_start_time >= \(parameters.add(from))" }
        if let before = filter.startBefore { range += " AND p.call_start_time < \(parameters.add(before))" }
        return """
            SELECT \(columns) FROM parties p INDEXED BY parties_by_start
            WHERE p.role IN ('AGENT', 'CONSULT') AND p.role = 'AGENT'\(range)\(onlyAgent)
            """
    }

    /// How many matching calls an agent handled, its key bound last: the same filter over
    /// call_records_by_agent (agent, start_time), from the index alone without other filters.
    static func handledSQL(filter: CallFilter, _ parameters: inout SQLParameters) -> String {
        let handledBy = filter.whereClause(on: "h", &parameters)
        let agent = parameters.add("")
        return "SELECT count(*) FROM call_records h " + (handledBy.isEmpty ? "WHERE" : handledBy + " AND") + " h.agent = \(agent)"
    }
}
