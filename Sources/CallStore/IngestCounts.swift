/// What a batch, or a whole run, did.
public struct IngestCounts: Sendable, Equatable {
    /// Events received and stored in `raw_events` (blank lines are not events).
    public var received = 0
    public var parsed = 0
    public var rejected = 0
    public var duplicates = 0
    /// Call records written (new or re-assembled).
    public var callsAssembled = 0

    public init() {}

    public static func += (total: inout IngestCounts, batch: IngestCounts) {
        total.received += batch.received
        total.parsed += batch.parsed
        total.rejected += batch.rejected
        total.duplicates += batch.duplicates
        total.callsAssembled += batch.callsAssembled
    }
}
