import Foundation

/// A zone's UTC offsets from 1900 to 2100 as a sorted list of intervals, read from `TimeZone`
/// once so that converting a time is a binary search. Before 1900 the first offset applies,
/// after 2100 the last one.
struct OffsetTable: Equatable, Sendable {
    /// `starts[i]` is the instant from which `offsets[i]` applies; `starts[0]` is `Int64.min`.
    private let starts: [Int64]
    private let offsets: [Int64]
    /// `starts[i] + offsets[i]`: the first local time of each interval. Derived, so two tables
    /// are equal exactly when their starts and offsets are.
    private let localStarts: [Int64]

    static let firstInstant: Int64 = -2_208_988_800  // 1900-01-01T00:00:00Z
    static let lastInstant: Int64 = 4_102_444_800  // 2100-01-01T00:00:00Z

    init(_ zone: TimeZone) {
        var starts: [Int64] = [.min]
        var offsets = [Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(Self.firstInstant))))]
        var after = Date(timeIntervalSince1970: Double(Self.firstInstant))
        while let transition = zone.nextDaylightSavingTimeTransition(after: after), transition > after,
              transition.timeIntervalSince1970 < Double(Self.lastInstant) {
            let offset = Int64(zone.secondsFromGMT(for: transition))
            // A transition that changes only the zone's name or DST flag is no change here.
            if offset != offsets[offsets.count - 1] {
                starts.append(Int64(transition.timeIntervalSince1970.rounded(.down)))
                offsets.append(offset)
            }
            after = transition
        }
        self.starts = starts
        self.offsets = offsets
        localStarts = zip(starts, offsets).map { $0 == .min ? .min : $0 + $1 }
    }

    static func == (lhs: OffsetTable, rhs: OffsetTable) -> Bool {
        lhs.starts == rhs.starts && lhs.offsets == rhs.offsets
    }

    func offset(at epoch: Int64) -> Int64 {
        offsets[Self.lastIndex(in: starts, notAbove: epoch)]
    }

    /// The instant a local time (read as if UTC) names. In a fall-back repeat that is the first of
    /// its two instants; in a spring-forward gap the offset from before the gap applies, which
    /// moves the time forward by the gap's length (02:30 in a 02:00→03:00 gap is 03:30).
    func epoch(ofLocal local: Int64) -> Int64 {
        let index = Self.lastIndex(in: localStarts, notAbove: local)
        if index > 0, local < starts[index] + offsets[index - 1] {
            return local - offsets[index - 1]
        }
        return local - offsets[index]
    }

    /// The last index whose value is at most `value`; `values[0]` is `Int64.min`.
    private static func lastIndex(in values: [Int64], notAbove value: Int64) -> Int {
        var low = 0
        var high = values.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if values[middle] <= value { low = middle } else { high = middle }
        }
        return low
    }
}
