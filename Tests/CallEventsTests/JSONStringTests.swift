import CallEvents
import Foundation
import Testing

/// The one JSON escaper, checked byte for byte and against Foundation's JSON parser.
@Suite struct JSONStringTests {
    @Test func escapesQuotesBackslashesAndControlsTheShortWayWhereJSONHasOne() {
        #expect(JSONString.literal("plain") == #""plain""#)
        #expect(JSONString.literal(#"a"b\c/d"#) == #""a\"b\\c/d""#)
        #expect(JSONString.literal("\u{08}\u{0C}\n\r\t") == #""\b\f\n\r\t""#)
        #expect(JSONString.literal("\u{00}\u{01}\u{0B}\u{1A}\u{1F}") == #""\u0000\u0001\u000b\u001a\u001f""#)
        #expect(JSONString.literal("\u{7F}中文 é😀\u{2028}") == "\"\u{7F}中文 é😀\u{2028}\"")
        var bytes: [UInt8] = Array("[".utf8)
        JSONString.append("x\u{1F}", to: &bytes)
        #expect(bytes == Array(#"["x\u001f""#.utf8))
    }

    @Test func everyControlCharacterQuoteBackslashAndNonASCIIReadsBackAsWritten() throws {
        let scalars = (0..<0x80).compactMap(Unicode.Scalar.init) + ["é", "中", "😀", "\u{2028}", "\u{FEFF}", "\u{10FFFF}"]
        var texts = scalars.map { "a\(Character($0))b" }
        texts.append(String(String.UnicodeScalarView(scalars)))
        texts.append("")
        for text in texts {
            let document = "[" + JSONString.literal(text) + "]"
            let parsed = try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String]
            #expect(parsed == [text], "\(document.debugDescription)")
        }
    }
}
