import CallEvents
import CallStore

/// What a run's counts must be, from the parser's own verdict on each line: every line is stored,
/// parsed or rejected (SPEC 1.2), and an event is a duplicate exactly when an earlier one of the
/// same session has its dedupe key (SPEC 1.4).
struct ExpectedCounts {
    private(set) var lines = 0
    private(set) var parsed = 0
    private(set) var duplicates = 0
    /// The calls the batches counted as completed: each complete record once, whatever the batches.
    private(set) var completedCalls = 0
    private var seen = Set<EventIdentity>()

    private struct EventIdentity: Hashable {
        var sessionid: String?
        /// Agent-state events (no sessionid) are copies only of the same agent's (SPEC 1.4, 6.1).
        var agent: String?
        var dedupeKey: Int64
    }

    /// Adds a batch committed from `origin`; returns what is wrong with the writer's counts of it.
    mutating func add(_ batch: [UnsafeRawBufferPointer], from origin: String, _ counts: IngestCounts) -> String? {
        var wanted = IngestCounts()
        var source = SourceCounts()
        for line in batch {
            wanted.received += 1
            source.received += 1
            guard case .success(let event) = EventParser.parse(line) else {
                wanted.rejected += 1
                source.rejected += 1
                continue
            }
            wanted.parsed += 1
            if !seen.insert(EventIdentity(sessionid: event.sessionid, agent: event.sessionid == nil ? event.agentKey : nil, dedupeKey: event.dedupeKey)).inserted {
                wanted.duplicates += 1
                source.duplicates += 1
            }
        }
        if source.received > 0 { wanted.bySource = [origin: source] }
        // How many records assembly writes, and which became complete, is the assembler's business;
        // the invariants check them.
        wanted.callsAssembled = counts.callsAssembled
        wanted.completed = counts.completed
        completedCalls += counts.completed.values.reduce(0, +)
        lines += wanted.received
        parsed += wanted.parsed
        duplicates += wanted.duplicates
        return counts == wanted ? nil : "the writer counted \(counts), expected \(wanted)"
    }
}
