@testable import CallAssembly

/// An arbitrary moment for the hand-made flows (2026-09-21 16:53:20 UTC); every case counts
/// seconds from it.
let B: Int64 = 1_790_000_000

/// One event, with the fields a flow usually needs; anything else can be set on the result.
func e(
    _ rawID: Int64, _ source: String?, _ event: String, at epoch: Int64,
    uid: String? = nil, cid: String? = nil, active: String? = nil, channel: String? = nil,
    from: String? = nil, eventid: String? = nil, duplicate: Bool = false
) -> SessionEvent {
    SessionEvent(
        rawID: rawID, eventid: eventid, source: source, event: event, epoch: epoch,
        uniqueid: uid, channel: channel, calleridnum: cid, activenum: active,
        direction: from, isDuplicate: duplicate
    )
}

/// The events again as if they had arrived in `order` (indices into `events`): rawIDs are
/// reassigned 1, 2, ... in the new arrival order, and the array is handed over in that order.
func arriving(_ events: [SessionEvent], in order: [Int]) -> [SessionEvent] {
    order.enumerated().map { arrival, index in
        var event = events[index]
        event.rawID = Int64(arrival + 1)
        return event
    }
}

/// Deterministic permutations of 0..<count: identity, reversed, rotations, odd/even interleave,
/// and a few seeded shuffles (a fixed LCG, so a failure reproduces).
func permutations(of count: Int) -> [[Int]] {
    let identity = Array(0..<count)
    var result = [identity, identity.reversed()]
    for shift in 1..<max(2, count) { result.append(Array(identity[shift...] + identity[..<shift])) }
    result.append(identity.filter { $0 % 2 == 1 } + identity.filter { $0 % 2 == 0 })
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    for _ in 0..<8 {
        var shuffled = identity
        for i in stride(from: count - 1, to: 0, by: -1) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            shuffled.swapAt(i, Int((state >> 33) % UInt64(i + 1)))
        }
        result.append(shuffled)
    }
    return result
}

/// Every ordering of 0..<count (for small counts).
func allPermutations(of count: Int) -> [[Int]] {
    guard count > 0 else { return [[]] }
    return allPermutations(of: count - 1).flatMap { smaller in
        (0...smaller.count).map { at in
            var next = smaller
            next.insert(count - 1, at: at)
            return next
        }
    }
}
