import Foundation

/// A random number generator a failing test can replay: seeded from $ASTERCDR_TEST_SEED when it
/// is set, else from the system's generator, and the seed is printed either way, so a failure's
/// output says how to draw the same numbers again.
public struct ReplayableRandom: RandomNumberGenerator {
    public let seed: UInt64
    private var state: UInt64

    /// `test` names the test in the printed line.
    public init(for test: String) {
        let given = ProcessInfo.processInfo.environment["ASTERCDR_TEST_SEED"].flatMap { UInt64($0) }
        seed = given ?? UInt64.random(in: 0...UInt64.max)
        state = seed
        print("\(test): random seed \(seed) (ASTERCDR_TEST_SEED=\(seed) draws the same numbers)")
    }

    /// SplitMix64: small, and the same numbers on every platform.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
