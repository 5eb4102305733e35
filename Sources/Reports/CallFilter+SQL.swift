extension CallFilter {
    /// `WHERE ...` over `calls` named `alias`, or "" when nothing is filtered. `newestFirst`
    /// is for a listing that reads calls_by_start backwards and stops at its limit: the agent's
    /// calls are then checked one by one instead of driving the search.
    func whereClause(on alias: String, _ parameters: inout SQLParameters, newestFirst: Bool = false) -> String {
        var terms: [String] = []
        func equals(_ column: String, _ value: String?) {
            if let value { terms.append("\(alias).\(column) = \(parameters.add(value))") }
        }
        if let startFrom { terms.append("\(alias).start_time >= \(parameters.add(startFrom))") }
        if let startBefore { terms.append("\(alias).start_time < \(parameters.add(startBefore))") }
        if let agent {
            // A party whose agent key (SPEC 6.1) or number is the agent's. Each term matches its
            // partial index (parties_of_agent, parties_of_consult, parties_by_agent); `+` keeps
            // SQLite from looking up each of the agent's calls of all time.
            let value = parameters.add(agent)
            terms.append("""
                \(newestFirst ? "+" : "")\(alias).session_no IN (SELECT session_no FROM parties \
                WHERE role = 'AGENT' AND number = \(value) \
                UNION ALL SELECT session_no FROM parties WHERE role = 'CONSULT' AND number = \(value) \
                UNION ALL SELECT session_no FROM parties WHERE role IN ('AGENT', 'CONSULT') AND agent = \(value))
                """)
        }
        equals("customer_number", number)
        // The assembler reads the direction ignoring case and stores it as sent.
        if let direction { terms.append("\(alias).direction = \(parameters.add(direction.rawValue)) COLLATE NOCASE") }
        equals("disposition", disposition?.rawValue)
        equals("team_id", team)
        equals("group_id", group)
        equals("model_id", campaign)
        equals("did", did)
        if let endedBy { terms.append("\(alias).end_epoch <= \(parameters.add(.integer(endedBy)))") }
        return terms.isEmpty ? "" : "WHERE " + terms.joined(separator: " AND ")
    }
}
