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
            // The role term matches the partial index call_parties_by_agent, so it is used; `+`
            // keeps SQLite from looking up each of the agent's calls of all time by sessionid.
            terms.append("""
                \(newestFirst ? "+" : "")\(alias).sessionid IN (SELECT sessionid FROM call_parties \
                WHERE number = \(parameters.add(agent)) AND role IN ('AGENT', 'CONSULT'))
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
