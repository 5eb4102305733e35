import CallAssembly

/// What a batch, or a whole run, did.
public struct IngestCounts: Sendable, Equatable {
    /// Events received and stored in `raw_events` (blank lines are not events).
    public var received = 0
    public var parsed = 0
    public var rejected = 0
    public var duplicates = 0
    /// Call records written (new or re-assembled).
    public var callsAssembled = 0
    /// The events' counts again, for each source by its origin (`http`, `stdin`, `file:PATH`,
    /// `subscribe:URL`).
    public var bySource: [String: SourceCounts] = [:]
    /// The calls whose record became complete, by disposition: their CONVERSATION hangup was
    /// assembled for the first time, in a new record or in one written earlier as stale. A complete
    /// call assembled again (a late event) is not counted again.
    public var completed: [Disposition: Int] = [:]

    public init() {}

    public static func += (total: inout IngestCounts, batch: IngestCounts) {
        total.received += batch.received
        total.parsed += batch.parsed
        total.rejected += batch.rejected
        total.duplicates += batch.duplicates
        total.callsAssembled += batch.callsAssembled
        total.bySource.merge(batch.bySource, uniquingKeysWith: +)
        total.completed.merge(batch.completed, uniquingKeysWith: +)
    }

    /// An event just stored.
    mutating func countEvent(from origin: String, parsed: Bool, duplicate: Bool) {
        received += 1
        if parsed { self.parsed += 1 } else { rejected += 1 }
        if duplicate { duplicates += 1 }
        bySource[origin, default: SourceCounts()].add(rejected: !parsed, duplicate: duplicate)
    }

    /// A call record just written; `completing` when it is the first write with its CONVERSATION hangup.
    mutating func countRecord(_ record: CallRecord, completing: Bool) {
        callsAssembled += 1
        if completing { completed[record.disposition, default: 0] += 1 }
    }
}

/// One source's events in a batch or a run.
public struct SourceCounts: Sendable, Equatable {
    public var received = 0
    public var rejected = 0
    public var duplicates = 0

    public init(received: Int = 0, rejected: Int = 0, duplicates: Int = 0) {
        self.received = received
        self.rejected = rejected
        self.duplicates = duplicates
    }

    mutating func add(rejected isRejected: Bool, duplicate: Bool) {
        received += 1
        if isRejected { rejected += 1 }
        if duplicate { duplicates += 1 }
    }

    public static func + (a: SourceCounts, b: SourceCounts) -> SourceCounts {
        SourceCounts(received: a.received + b.received, rejected: a.rejected + b.rejected, duplicates: a.duplicates + b.duplicates)
    }
}
