/// The SQL of the summary and its grouped reports: one aggregate pass over the matching calls.
enum SummaryQuery {
    static func sql(_ grouping: Grouping, filter: CallFilter, serviceLevel: Int, _ parameters: inout SQLParameters) -> String {
        let threshold = parameters.add(.integer(Int64(serviceLevel)))
        let expressions = CallTally.aggregates(serviceLevel: threshold)
        let aggregates = expressions.joined(separator: ", ")
        // Named, so that a LEFT JOIN can pick them out after the key.
        let named = expressions.enumerated().map { "\($1) AS a\($0)" }.joined(separator: ", ")
        let picked = expressions.indices.map { "figures.a\($0)" }.joined(separator: ", ")
        let keys = grouping.keyExpressions("c").enumerated().map { "\($1) AS k\($0)" }
        // call_records, not the calls view: no sessionid is needed, and the view's join costs a look-up per call.
        let perCall = "SELECT \((keys + [CallTally.perCall("c")]).joined(separator: ", ")) FROM call_records c \(filter.whereClause(on: "c", &parameters))"
        let keyNames = keys.indices.map { "k\($0)" }
        switch grouping {
        case .none:
            return "SELECT \(aggregates) FROM (\(perCall))"
        case .date:
            guard let from = filter.startFrom, let before = filter.startBefore else { fallthrough }
            // Every date of the range the person named, quiet days included. Without both ends the
            // dates with calls alone, so that one stray old call does not bring years of empty rows.
            let first = parameters.add(from), last = parameters.add(before)
            return """
                WITH RECURSIVE dates(k0) AS (SELECT substr(\(first), 1, 10)
                    UNION ALL SELECT date(k0, '+1 day') FROM dates WHERE k0 < date(\(last), '-1 second')),
                figures AS (SELECT k0, \(named) FROM (\(perCall)) GROUP BY k0)
                SELECT dates.k0, \(picked) FROM dates LEFT JOIN figures USING (k0)
                WHERE dates.k0 <= date(\(last), '-1 second') ORDER BY dates.k0
                """
        case .team, .group, .campaign, .did:
            // Numeric ids in numeric order (3 before 20); calls without the key last.
            let order = keyNames.map { "\($0) IS NULL, CAST(\($0) AS INTEGER), \($0)" }.joined(separator: ", ")
            return """
                SELECT \(keyNames.joined(separator: ", ")), \(aggregates) FROM (\(perCall))
                GROUP BY \(keyNames.joined(separator: ", ")) ORDER BY \(order)
                """
        case .hour:
            // Every hour of the day, so the day's shape shows even where no call came.
            return """
                WITH RECURSIVE hours(k0) AS (SELECT '00' UNION ALL SELECT printf('%02d', k0 + 1) FROM hours WHERE k0 < '23'),
                figures AS (SELECT k0, \(named) FROM (\(perCall)) GROUP BY k0)
                SELECT hours.k0, \(picked) FROM hours LEFT JOIN figures USING (k0) ORDER BY hours.k0
                """
        }
    }
}
