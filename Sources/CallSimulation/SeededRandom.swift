import Foundation

/// xoshiro256** seeded through SplitMix64: the same seed gives the same numbers on every
/// platform and Swift version, which `SystemRandomNumberGenerator` and the standard library's
/// `random(in:using:)` do not promise.
struct SeededRandom {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    init(seed: UInt64) {
        var splitMix = seed
        func next() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (next(), next(), next(), next())
    }

    mutating func next() -> UInt64 {
        let result = rotate(state.1 &* 5, 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotate(state.3, 45)
        return result
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// Uniform in `range`, without modulo bias (Lemire's multiply-and-reject).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) &+ 1
        guard span != 0 else { return Int(truncatingIfNeeded: next()) }
        var product = next().multipliedFullWidth(by: span)
        if product.low < span {
            let threshold = (0 &- span) % span
            while product.low < threshold {
                product = next().multipliedFullWidth(by: span)
            }
        }
        return range.lowerBound + Int(product.high)
    }

    /// Exponentially distributed with this mean.
    mutating func exponential(mean: Double) -> Double {
        -mean * log(1 - unit())
    }

    mutating func element<T>(of items: [T]) -> T {
        items[int(in: 0...items.count - 1)]
    }

    /// An index of `weights`, each chosen in proportion to its weight.
    mutating func index(weightedBy weights: [Double]) -> Int {
        var remaining = unit() * weights.reduce(0, +)
        for (index, weight) in weights.enumerated() where weight > 0 {
            if remaining < weight { return index }
            remaining -= weight
        }
        return weights.lastIndex { $0 > 0 } ?? 0
    }

    /// An element of `items`, each chosen in proportion to its weight.
    mutating func element<Item: Weighted>(weightedBy items: [Item]) -> Item {
        items[index(weightedBy: items.map(\.weight))]
    }

    /// `count` random lower-case hex digits.
    mutating func hexDigits(_ count: Int) -> String {
        var digits = ""
        var bits: UInt64 = 0
        for index in 0..<count {
            if index % 16 == 0 { bits = next() }
            digits.append(Character(Unicode.Scalar(UInt8(ascii: "0") &+ UInt8(bits & 0xF) &+ (bits & 0xF > 9 ? 39 : 0))))
            bits >>= 4
        }
        return digits
    }

    private func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        (value << bits) | (value >> (64 - bits))
    }
}

/// Something chosen in proportion to its weight.
protocol Weighted {
    var weight: Double { get }
}
