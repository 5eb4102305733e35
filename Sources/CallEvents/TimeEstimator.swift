/// One event of a session as the time estimate sees it (SPEC 1.3).
public struct Arrival: Sendable, Equatable {
    public var rawID: Int64
    public var receivedMillis: Int64
    /// nil when the event had no valid `eventTime`.
    public var timedEpoch: Int64?

    public init(rawID: Int64, receivedMillis: Int64, timedEpoch: Int64?) {
        self.rawID = rawID
        self.receivedMillis = receivedMillis
        self.timedEpoch = timedEpoch
    }
}

public enum TimeEstimator {
    /// The estimated epoch of every untimed arrival of one session, by `rawID`: its received time
    /// shifted by its neighbour's offset (`epoch * 1000 - receivedMillis`), rounded to the nearest
    /// second with halves away from zero. The neighbour is the timed arrival with the greatest
    /// `rawID` below it, else the timed one with the smallest `rawID` above it; with no timed
    /// arrival at all, its own received time, rounded. The input may be in any order.
    public static func estimates(for session: [Arrival]) -> [Int64: Int64] {
        let arrivals = session.sorted { $0.rawID < $1.rawID }
        var offsets = [Int64?](repeating: nil, count: arrivals.count)
        var offset: Int64?
        for (index, arrival) in arrivals.enumerated() {
            if let epoch = arrival.timedEpoch { offset = epoch * 1000 - arrival.receivedMillis }
            offsets[index] = offset
        }
        offset = nil
        var estimates: [Int64: Int64] = [:]
        for (index, arrival) in arrivals.enumerated().reversed() {
            if let epoch = arrival.timedEpoch {
                offset = epoch * 1000 - arrival.receivedMillis
            } else {
                estimates[arrival.rawID] = estimate(receivedMillis: arrival.receivedMillis, offsetMillis: offsets[index] ?? offset)
            }
        }
        return estimates
    }

    /// One estimate: the arrival moved by a neighbour's offset (none: the arrival itself), rounded
    /// to the nearest second with halves away from zero.
    public static func estimate(receivedMillis: Int64, offsetMillis: Int64?) -> Int64 {
        let millis = receivedMillis + (offsetMillis ?? 0)
        return millis >= 0 ? (millis + 500) / 1000 : (millis - 500) / 1000
    }
}
