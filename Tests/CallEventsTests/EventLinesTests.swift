import CallEvents
import Testing

@Suite struct EventLinesTests {
    func split(_ text: String) -> (lines: [String], consumed: Int) {
        Array(text.utf8).withUnsafeBytes { buffer in
            var lines: [String] = []
            let consumed = EventLines.forEachCompleteLine(in: buffer) { lines.append(String(decoding: $0, as: UTF8.self)) }
            return (lines, consumed)
        }
    }

    @Test func splitsOnLFAndCRLFSkippingBlankLines() {
        let result = split("a=1\r\n\r\n  \t\nb=2\n \r\nc=3\r\nunfinished")
        #expect(result.lines == ["a=1", "b=2", "c=3"])
        #expect(result.consumed == 23)
    }

    @Test func aBufferEndingInLFIsAllConsumed() {
        let result = split("event=a\nevent=b\n")
        #expect(result.lines == ["event=a", "event=b"])
        #expect(result.consumed == 16)
    }

    @Test func withoutLFNothingIsComplete() {
        #expect(split("event=a\r").lines.isEmpty)
        #expect(split("event=a\r").consumed == 0)
        #expect(split("").consumed == 0)
    }

    @Test func onlyALineEndingCROfALineIsRemoved() {
        #expect(split("a\rb\r\r\n").lines == ["a\rb\r"])
    }

    @Test func aLineOfJustAByteOrderMarkIsNotAnEvent() {
        let result = split("\u{FEFF}\r\n\u{FEFF}event=a\n")
        #expect(result.lines == ["\u{FEFF}event=a"])
    }

    @Test func errorsFromTheBodyPropagate() {
        struct Stop: Error {}
        var seen = 0
        #expect(throws: Stop.self) {
            try Array("a\nb\nc\n".utf8).withUnsafeBytes { buffer in
                _ = try EventLines.forEachCompleteLine(in: buffer) { _ in
                    seen += 1
                    if seen == 2 { throw Stop() }
                }
            }
        }
        #expect(seen == 2)
    }

    @Test(arguments: [
        ("", true), (" \t\r", true), (" a ", false), ("\n", false),
        ("\u{FEFF}", true), ("\u{FEFF} \r", true), (" \u{FEFF}", false), ("\u{FEFF}\u{FEFF}", false),
    ])
    func blankMeansOnlySpacesTabsAndCRsAfterAByteOrderMark(_ line: String, _ blank: Bool) {
        #expect(Array(line.utf8).withUnsafeBytes { EventLines.isBlank($0) } == blank)
    }
}
