import CallEvents
import Testing

@Suite struct RejectTests {
    static let notAnEvent = #"not an event: expected key=value pairs, message="..." or a JSON object"#

    @Test(arguments: [
        "sessionid=s1&source=AGENT",
        "event=&sessionid=s1",
        "event= \t &sessionid=s1",
        "{}",
        #"{"sessionid":"s1"}"#,
        #"{"event":null}"#,
        #"{"event":"  "}"#,
        #"message="sessionid=s1";"#,
    ])
    func anEventWithoutANonEmptyEventIsRejected(_ line: String) {
        #expect(rejection(line) == "missing 'event'")
    }

    @Test(arguments: ["hello world", "=value", "&&&", "ringing", #"message="";"#, "[1,2,3]"])
    func textWithoutPairsIsNotAnEvent(_ line: String) {
        #expect(rejection(line) == Self.notAnEvent)
    }

    @Test func garbageBytesAreNotAnEvent() {
        #expect(rejection([0xFF, 0xFE, 0x00, 0x41, 0x80, 0x0D]) == Self.notAnEvent)
    }

    @Test(arguments: ["", "   ", "\t\r", "\r\n"])
    func aBlankLineIsNotAnEvent(_ line: String) {
        #expect(rejection(line) == "not an event: empty line")
    }

    @Test(arguments: [
        (#"{"event":"ringing","channel":"Local/0138888888888@hosted-dialin-701a;1"#, 29, "unterminated string"),
        (#"{"event":"ringing","sessionid":"abc""#, 36, "expected ',' or '}', found end of input"),
        (#"{"event":"ringing"} x"#, 20, "trailing characters after the object"),
        (#"{"event":"ringing"};"#, 19, "trailing characters after the object"),
        (#"{"event":"ringing"}{"event":"hangup"}"#, 19, "trailing characters after the object"),
        ("{", 1, "expected a quoted key, found end of input"),
        (#"{event:"x"}"#, 1, "expected a quoted key, found 'e'"),
        (#"{"event" "x"}"#, 9, "expected ':', found '\"'"),
        (#"{"event":}"#, 9, "expected a value, found '}'"),
        (#"{"event":"x",}"#, 13, "expected a quoted key, found '}'"),
        (#"{"event":tru}"#, 9, "invalid literal"),
        (#"{"event":-}"#, 9, "invalid number"),
        (#"{"event":1.}"#, 9, "invalid number"),
        (#"{"event":12abc}"#, 11, "expected ',' or '}', found 'a'"),
        (#"{"a":"\q"}"#, 6, #"invalid escape '\q'"#),
        (#"{"a":"\u12"}"#, 6, #"invalid \u escape"#),
        (#"{"a":"x\"#, 5, "unterminated string"),
        (#"{"a":[1,2}"#, 9, "expected ',' or ']', found '}'"),
        (#"{"a":{"b" 1}}"#, 10, "expected ':', found '1'"),
        ("{\"a\":\u{01}}", 5, "expected a value, found byte 0x01"),
        (" \t{\"a\":\"b\"", 10, "expected ',' or '}', found end of input"),
    ] as [(String, Int, String)])
    func malformedJSONSaysWhatAndWhere(_ line: String, _ offset: Int, _ what: String) {
        #expect(rejection(line) == "malformed JSON at byte \(offset): \(what)")
    }

    @Test func malformedJSONInvalidUTF8IsNamedAsAByte() {
        #expect(rejection(Array(#"{"a":"#.utf8) + [0xFF]) == "malformed JSON at byte 5: expected a value, found byte 0xFF")
    }

    @Test func nestingIsBounded() {
        let deep = #"{"a":"# + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}"
        #expect(rejection(deep) == "malformed JSON at byte 68: nested deeper than 64 levels")
        let fine = #"{"event":"x","a":"# + String(repeating: "[", count: 63) + String(repeating: "]", count: 63) + "}"
        #expect(rejection(fine) == nil)
    }

    @Test func theErrorDescriptionIsItsMessage() {
        let error = EventParseError(message: "missing 'event'")
        #expect(error.description == "missing 'event'")
        #expect(EventParser.parse("sessionid=s1") == .failure(error))
    }
}
