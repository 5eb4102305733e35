/// The SQL of `report agents`' parties (SPEC 5, per agent key of SPEC 6.1): the AGENT parties of
/// the matching calls, one row each, added up per agent by `AgentTally` (a GROUP BY here would
/// sort a month's parties: measured, ten times the scan itself), and the calls each agent handled.
enum AgentQuery {
    /// The parties by their call's start, in time order, from parties_by_start alone: rows of
    /// (agent, counted, answered, talk, hold, ring, acw, ring_epoch, talk_start_epoch, end_epoch),
    /// one per AGENT and CONSULT party whose call started within `callStarts` (what the agents'
    /// time on calls needs, SPEC 6.4) or, with `counting`, within its dates. `counted` when it is
    /// an AGENT party of a call `counting` matches: a filter of dates and an agent alone, whose
    /// call figures come from the same scan (measured: reading the index once rather than twice
    /// saves a scan of a month's parties). nil when neither is given.
    static func partiesByStartSQL(
        counting filter: CallFilter?, callStarts: (from: String, before: String)?, _ parameters: inout SQLParameters
    ) -> String? {
        var bounds: (from: String, before: String?)? = callStarts.map { ($0.from, $0.before) }
        var counted = "0"
        if let filter {
            // The least range of starts that holds both; the empty text is before every start time.
            let dates = (from: filter.startFrom ?? "", before: filter.startBefore)
            bounds = callStarts.map { starts in (min(starts.from, dates.from), dates.before.map { max(starts.before, $0) }) } ?? dates
            counted = "p.role = 'AGENT'"
            if let from = filter.startFrom { counted += " AND p.call_start_time >= \(parameters.add(from))" }
            if let before = filter.startBefore { counted += " AND p.call_start_time < \(parameters.add(before))" }
            if let ofAgent = partyOfAgent(filter, &parameters) { counted += " AND " + ofAgent }
        }
        guard let bounds else { return nil }
        // `role IN` as the index has it.
        var range = "p.call_start_time >= \(parameters.add(bounds.from))"
        if let before = bounds.before { range += " AND p.call_start_time < \(parameters.add(before))" }
        // Without the time on calls, only the counted parties, each counted.
        if callStarts == nil { (range, counted) = (range + " AND " + counted, "1") }
        return """
            SELECT p.agent, \(counted), p.answer_epoch IS NOT NULL, p.talk_seconds, p.hold_seconds, p.ring_seconds, p.acw_seconds,
                   p.ring_epoch, p.talk_start_epoch, p.end_epoch
            FROM parties p INDEXED BY parties_by_start
            WHERE p.role IN ('AGENT', 'CONSULT') AND \(range)
            """
    }

    /// Rows of (agent, answered, talk, hold, ring, acw), one per AGENT party of the calls a filter
    /// with more than dates and an agent matches.
    static func matchedPartiesSQL(filter: CallFilter, _ parameters: inout SQLParameters) -> String {
        let matching = filter.whereClause(on: "c", &parameters)
        let onlyAgent = partyOfAgent(filter, &parameters).map { " AND " + $0 } ?? ""
        // The matching calls in session order, so that their parties are read in the order
        // `parties` keeps them rather than at random (measured: faster, sort included).
        return """
            WITH matched AS MATERIALIZED (SELECT c.session_no FROM call_records c \(matching) ORDER BY c.session_no)
            SELECT p.agent, p.answer_epoch IS NOT NULL, p.talk_seconds, p.hold_seconds, p.ring_seconds, p.acw_seconds
            FROM matched m JOIN parties p ON p.session_no = m.session_no
            WHERE p.role = 'AGENT'\(onlyAgent)
            """
    }

    /// With --agent, the other agents of those calls are left out too: a party `p` of that agent.
    private static func partyOfAgent(_ filter: CallFilter, _ parameters: inout SQLParameters) -> String? {
        filter.agent.map { agent in
            let value = parameters.add(agent)
            return "(p.agent = \(value) OR p.number = \(value))"
        }
    }

    /// How many matching calls an agent handled, its key bound last: the same filter over
    /// call_records_by_agent (agent, start_time), from the index alone without other filters.
    static func handledSQL(filter: CallFilter, _ parameters: inout SQLParameters) -> String {
        let handledBy = filter.whereClause(on: "h", &parameters)
        let agent = parameters.add("")
        return "SELECT count(*) FROM call_records h " + (handledBy.isEmpty ? "WHERE" : handledBy + " AND") + " h.agent = \(agent)"
    }
}
