/// FNV-1a, 64-bit: the one definition of its offset basis, prime and xor-then-multiply step.
/// Stable across processes and releases, unlike `Hasher`: its values are stored (dedupe keys,
/// the hashed channel in a subscription's origin), so they must never change.
public enum FNV1a {
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    public static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// One step: `unit` (a byte, or a wider word for a faster variant) mixed into `value`.
    @inline(__always)
    public static func step(_ value: UInt64, _ unit: UInt64) -> UInt64 {
        (value ^ unit) &* prime
    }

    /// The plain byte-wise hash of `bytes`.
    public static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        bytes.reduce(offsetBasis) { step($0, UInt64($1)) }
    }
}
