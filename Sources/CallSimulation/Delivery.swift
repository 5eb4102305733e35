/// Delivers lines the way a real feed can: some a second time a little later (a publisher's
/// retry), some late, after lines that follow them (bounded: at most `longestDelay` lines).
struct Delivery {
    let duplicates: Double
    let outOfOrder: Double
    private var random: SeededRandom
    private var held: [(dueAfter: Int, line: [UInt8])] = []

    /// A late line comes after 1 to this many of the lines that follow it.
    static let longestDelay = 50
    /// A copy comes after 0 to this many lines that follow the original.
    static let longestCopyDelay = 20

    init(duplicates: Double, outOfOrder: Double, seed: UInt64) {
        self.duplicates = duplicates
        self.outOfOrder = outOfOrder
        // Its own stream: the same seed plays the same calls whatever the delivery.
        random = SeededRandom(seed: seed ^ 0xDE11_7E4A_11CE_5EED)
    }

    /// The held line whose turn has come once `delivered` lines are out, if any.
    mutating func takeDue(delivered: Int) -> [UInt8]? {
        guard let index = held.firstIndex(where: { $0.dueAfter <= delivered }) else { return nil }
        return held.remove(at: index).line
    }

    /// The held line due soonest, when nothing new is left to deliver.
    mutating func takeRest() -> [UInt8]? {
        guard let index = held.indices.min(by: { held[$0].dueAfter < held[$1].dueAfter }) else { return nil }
        return held.remove(at: index).line
    }

    /// Decides about the line just written at `buffer[start...]`, when `delivered` lines are out:
    /// true when it goes now; false when it was taken out of `buffer` to go later. Either way a
    /// copy of it may be held to go again.
    mutating func goesNow(lineFrom start: Int, in buffer: inout [UInt8], delivered: Int) -> Bool {
        guard duplicates > 0 || outOfOrder > 0 else { return true }
        if random.chance(duplicates) {
            held.append((delivered + 1 + random.int(in: 0...Self.longestCopyDelay), Array(buffer[start...])))
        }
        guard random.chance(outOfOrder) else { return true }
        held.append((delivered + random.int(in: 1...Self.longestDelay), Array(buffer[start...])))
        buffer.removeSubrange(start...)
        return false
    }
}
