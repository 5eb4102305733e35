import CallEvents
import Testing

@Suite struct KnownKeyTests {
    static let spellings: [(key: String, column: String)] = [
        ("sessionid", "sessionid"), ("source", "source"), ("event", "event"), ("eventTime", "event_time"),
        ("eventid", "eventid"), ("uniqueid", "uniqueid"), ("channel", "channel"), ("calleridnum", "calleridnum"),
        ("activenum", "activenum"), ("didnumber", "didnumber"), ("from", "direction"), ("calltype", "calltype"),
        ("AgentTeamId", "team_id"), ("AgentGroupId", "group_id"), ("modeltype", "modeltype"),
        ("model_id", "model_id"), ("agentno", "agentno"),
    ]

    @Test(arguments: spellings)
    func everyKnownKeyMatchesInAnyCase(_ spelling: (key: String, column: String)) throws {
        for key in [spelling.key, spelling.key.lowercased(), spelling.key.uppercased()] {
            let event = try parsed("event=x&\(key)=V")
            #expect(columns(event)[spelling.column] == (spelling.column == "event" ? "v" : "V"), "\(key)")
            #expect(event.extra.isEmpty, "\(key)")
        }
    }

    @Test(arguments: spellings)
    func aKeyOneByteOffIsUnknown(_ spelling: (key: String, column: String)) throws {
        for key in [String(spelling.key.dropLast()) + "x", "x" + spelling.key.dropFirst(), spelling.key + "s"] {
            let event = try parsed("event=x&\(key)=V")
            #expect(event.extra == [ExtraField(key: key, value: "V")], "\(key)")
        }
    }

    @Test func anUnderscoreMustMatchExactly() throws {
        let bytes = Array("event=x&model".utf8) + [0x7F] + Array("id=V".utf8)
        #expect(try parsed(bytes).modelID == nil)
        #expect(try parsed("event=x&MODEL_ID=V").modelID == "V")
    }

    @Test func valuesOfEveryLengthHashApart() throws {
        var keys: Set<Int64> = []
        for length in 1...40 {
            let same = String(repeating: "a", count: length)
            keys.insert(try parsed("event=x&channel=\(same)").dedupeKey)
            keys.insert(try parsed("event=x&channel=\(same.dropLast())b").dedupeKey)
            keys.insert(try parsed("event=x&channel=b\(same.dropFirst())").dedupeKey)
        }
        #expect(keys.count == 120 - 1)  // "b" is both the last-changed and first-changed value of length 1
    }
}
