/// The dedupe key's hash: FNV-1a's xor-then-multiply step (`FNV1a.step`) over
/// 8-byte little-endian words instead of single bytes, each step followed by a xor-shift fold so
/// that a difference in a word's high bytes reaches the low bits too. It must not be `Hasher`,
/// which is seeded anew in every process; byte-wise FNV-1a costs about 1.5 ns a byte here, half
/// the parse budget of a vendor event.
struct StableHash {
    private(set) var value = FNV1a.offsetBasis

    mutating func add(word: UInt64) {
        value = FNV1a.step(value, word)
        value ^= value >> 32
    }

    /// The length goes first, so segments cannot run into each other and the zero padding of the
    /// last word is unambiguous.
    mutating func add(segment bytes: UnsafeRawBufferPointer) {
        add(word: UInt64(bytes.count))
        for index in stride(from: 0, to: bytes.count, by: 8) {
            add(word: Bytes.word(bytes, at: index))
        }
    }

    mutating func add(segment text: String) {
        var text = text
        text.withUTF8 { add(segment: UnsafeRawBufferPointer($0)) }
    }
}
