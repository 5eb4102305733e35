import CallEvents
import Testing

/// FNV-1a's published 64-bit test vectors: a stored hash must never change.
@Suite struct FNV1aTests {
    @Test func matchesThePublishedVectors() {
        #expect(FNV1a.hash("".utf8) == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a.hash("a".utf8) == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a.hash("foobar".utf8) == 0x8594_4171_f739_67e8)
    }
}
