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
            // Each role term matches its partial index (parties_of_agent, parties_of_consult); `+`
            // keeps SQLite from looking up each of the agent's calls of all time.
            let number = parameters.add(agent)
            terms.append("""
                \(newestFirst ? "+" : "")\(alias).session_no IN (SELECT session_no FROM parties \
                WHERE role = 'AGENT' AND number = \(number) \
                UNION ALL SELECT session_no FROM parties WHERE role = 'CONSULT' AND number = \(number))
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
        return terms.isEmpty ? "" : "WHERE " + terms.joined(separator: " AND ")
    }
}
