import AgentStates
import CallEvents
import CallStore
import SQLite

/// The rows of `report agents` by agent key (SPEC 5, 6.1): the call figures of the matching
/// calls, the calls each agent handled, and each agent's time over the report's range (SPEC 6.4),
/// from one scan of the parties by their call's start and one of the intervals (with --agent,
/// one of each of its keys' intervals and calls).
struct AgentRows {
    let database: StoreReader
    let clock: ZoneClock

    func read(_ filter: CallFilter) throws(SQLiteError) -> [String?: AgentTally] {
        let times = AgentTimeQuery(database: database, clock: clock)
        let range = try times.range(of: filter)
        var rows: [String?: AgentTally] = [:]
        // Each agent's time, whatever the filters beside --agent: the time figures take only the
        // range and the agent (SPEC 5).
        var spans: [String: AgentTimeSpans] = [:]
        let counting = filter.coversDatesAndAgentOnly ? filter : nil
        var parameters = SQLParameters()
        // With --agent, the agents' time on calls is read below, agent by agent, once their keys
        // are known: the scan would otherwise add up every agent's.
        let callStarts = range.isEmpty || filter.agent != nil ? nil : times.callStarts(over: range)
        if let sql = AgentQuery.partiesByStartSQL(counting: counting, callStarts: callStarts, &parameters) {
            let parties = try database.prepare(sql)
            try parameters.bind(to: parties)
            while try parties.step() {
                let key = parties.text(at: 0)
                if parties.int64(at: 1) != 0 { rows[key, default: AgentTally()].add(party: parties, at: 2) }
                guard callStarts != nil, let key, let call = AgentTimeQuery.call(parties, at: 7, over: range) else { continue }
                spans[key, default: AgentTimeSpans(over: range)].add(call)
            }
        }
        if counting == nil { try addMatchedParties(filter, to: &rows) }
        try countHandled(filter, in: &rows)

        // With --agent, its key and the keys its number goes by in the calls; else everyone at once.
        let only = filter.agent.map { Set(rows.keys.compactMap { $0 }).union([$0]) }
        for agent in only.map({ $0.map(Optional.some) }) ?? [nil] {
            try times.intervals(over: range, agent: agent) { key, interval in
                spans[key, default: AgentTimeSpans(over: range)].add(interval)
            }
            guard callStarts == nil else { continue }  // The scan has read the calls.
            try times.calls(over: range, agent: agent) { key, _, call in
                spans[key, default: AgentTimeSpans(over: range)].add(call)
            }
        }
        // Every agent with an interval in the range has a row, with or without calls.
        for (agent, spans) in spans where rows[agent] != nil || spans.hasIntervals {
            rows[agent, default: AgentTally()].time = spans.figures
        }
        return rows
    }

    /// The call figures of a filter with more than dates and an agent, from the matching calls.
    private func addMatchedParties(_ filter: CallFilter, to rows: inout [String?: AgentTally]) throws(SQLiteError) {
        var parameters = SQLParameters()
        let parties = try database.prepare(AgentQuery.matchedPartiesSQL(filter: filter, &parameters))
        try parameters.bind(to: parties)
        while try parties.step() {
            rows[parties.text(at: 0), default: AgentTally()].add(party: parties, at: 1)
        }
    }

    /// How many matching calls each agent with a row handled.
    private func countHandled(_ filter: CallFilter, in rows: inout [String?: AgentTally]) throws(SQLiteError) {
        var parameters = SQLParameters()
        let handled = try database.prepare(AgentQuery.handledSQL(filter: filter, &parameters))
        let agentIndex = parameters.count
        for agent in rows.keys {
            guard let agent else { continue }
            handled.reset()
            try parameters.bind(to: handled)
            try handled.bind(agent, at: Int32(agentIndex))
            if try handled.step() { rows[agent]?.handled = handled.count(at: 0) }
        }
    }
}
