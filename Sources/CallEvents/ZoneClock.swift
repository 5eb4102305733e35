import Foundation

/// Converts between civil times in one zone and Unix seconds. The zone's offsets are read once,
/// at `init`, so the hot path never calls `TimeZone`. A value type with non-mutating methods:
/// the table never changes after `init`, so one clock can be shared freely across tasks.
public struct ZoneClock: Sendable {
    private let table: OffsetTable

    public init(_ zone: TimeZone) {
        table = OffsetTable(zone)
    }

    /// A time that falls in a spring-forward gap maps forward, as if the offset from before the
    /// gap still applied (Berlin's 02:30 on a DST morning is 03:30 CEST); a time that a fall-back
    /// repeats takes the first, earlier instant (its summer-time reading).
    public func epoch(of civil: CivilTime) -> Int64 {
        table.epoch(ofLocal: civil.localSeconds)
    }

    public func civilTime(at epoch: Int64) -> CivilTime {
        CivilTime(localSeconds: epoch + table.offset(at: epoch))
    }
}
