import CallEvents
import CallStore

/// What a run's counts must be, from the parser's own verdict on each line: every line is stored,
/// parsed or rejected (SPEC 1.2), and an event is a duplicate exactly when an earlier one of the
/// same session has its dedupe key (SPEC 1.4).
struct ExpectedCounts {
    private(set) var lines = 0
    private(set) var parsed = 0
    private(set) var duplicates = 0
    private var seen = Set<EventIdentity>()

    private struct EventIdentity: Hashable {
        var sessionid: String?
        var dedupeKey: Int64
    }

    /// Adds a committed batch; returns what is wrong with the writer's counts of it.
    mutating func add(_ batch: [UnsafeRawBufferPointer], _ counts: IngestCounts) -> String? {
        var wanted = IngestCounts()
        for line in batch {
            wanted.received += 1
            guard case .success(let event) = EventParser.parse(line) else {
                wanted.rejected += 1
                continue
            }
            wanted.parsed += 1
            if !seen.insert(EventIdentity(sessionid: event.sessionid, dedupeKey: event.dedupeKey)).inserted {
                wanted.duplicates += 1
            }
        }
        // How many records assembly writes is the assembler's business; the invariants check them.
        wanted.callsAssembled = counts.callsAssembled
        lines += wanted.received
        parsed += wanted.parsed
        duplicates += wanted.duplicates
        return counts == wanted ? nil : "the writer counted \(counts), expected \(wanted)"
    }
}
