@testable import AgentStates

/// One agent-state event; epochs in the cases are small numbers of seconds.
func ev(
    _ rawID: Int64, _ event: String, at epoch: Int64, group: String? = nil, reason: String? = nil, eventid: String? = nil
) -> AgentEvent {
    AgentEvent(rawID: rawID, eventid: eventid, event: event, epoch: epoch, groupID: group, reason: reason)
}

/// An interval as the machine gives it: `from` and `to` are (epoch, rawID) of the events that
/// opened and closed it.
func interval(
    _ kind: AgentIntervalKind, group: String? = nil, reason: String? = nil, from: (Int64, Int64), to: (Int64, Int64)? = nil
) -> AgentInterval {
    AgentInterval(
        kind: kind, groupID: group, start: from.0, end: to?.0, reason: reason, startRawID: from.1, endRawID: to?.1
    )
}

/// An interval where only its time matters (figures, states, ownership).
func span(_ kind: AgentIntervalKind, _ start: Int64, _ end: Int64?, group: String? = nil) -> AgentInterval {
    AgentInterval(kind: kind, groupID: group, start: start, end: end, startRawID: 0, endRawID: end == nil ? nil : 0)
}

/// SplitMix64: a fixed, portable generator, so that a failing permutation reproduces everywhere.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// `count` orderings of 0..<size: the identity, its reverse, then Fisher–Yates shuffles from one
/// seed (written out rather than `shuffled(using:)`, whose algorithm the standard library may change).
func orderings(of size: Int, count: Int, seed: UInt64 = 0x5EED_A6E7) -> [[Int]] {
    var random = SplitMix64(seed: seed)
    let identity = Array(0..<size)
    var result = [identity, identity.reversed()]
    while result.count < count {
        var shuffled = identity
        for i in stride(from: size - 1, to: 0, by: -1) {
            shuffled.swapAt(i, Int(random.next() % UInt64(i + 1)))
        }
        result.append(shuffled)
    }
    return result
}
