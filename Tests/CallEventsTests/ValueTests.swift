import CallEvents
import Testing

@Suite struct ValueTests {
    @Test func plusIsKeptInPhoneNumbers() throws {
        #expect(try parsed("event=incoming&calleridnum=+8613800000000").calleridnum == "+8613800000000")
    }

    @Test func percentSequencesAreDecodedWhenTheResultIsUTF8() throws {
        let event = try parsed("event=ringing&channel=a%20b&calleridnum=%E4%B8%AD&didnumber=100%&activenum=%ZZ1&agentno=%FF")
        #expect(event.channel == "a b")
        #expect(event.calleridnum == "中")
        #expect(event.didnumber == "100%")
        #expect(event.activenum == "%ZZ1")
        #expect(event.agentno == "%FF")
    }

    @Test func aValueWithOneBadSequenceIsKeptWholeAsSent() throws {
        #expect(try parsed("event=ringing&channel=a%20%FF").channel == "a%20%FF")
    }

    @Test func percentEncodedNulIsNotDecoded() throws {
        #expect(try parsed("event=ringing&channel=a%00b").channel == "a%00b")
    }

    @Test func percentInKeysIsNotDecoded() throws {
        #expect(try parsed("event=ringing&a%20b=1").extra == [ExtraField(key: "a%20b", value: "1")])
    }

    @Test func keysAndValuesAreTrimmedAndEmptyValuesAreAbsent() throws {
        let event = try parsed(" event = ringing &\tchannel\t=\t&didnumber=&sessionid= s1 ")
        #expect(columns(event) == ["event": "ringing", "sessionid": "s1"])
    }

    @Test func piecesWithoutEqualsOrKeysAreIgnored() throws {
        let event = try parsed("&&event=ringing& &garbage&=orphan&sessionid=s1")
        #expect(columns(event) == ["event": "ringing", "sessionid": "s1"])
        #expect(event.extra.isEmpty)
    }

    @Test func aValueRunsToTheNextAmpersandAndKeepsFurtherEquals() throws {
        #expect(try parsed("event=ringing&channel=a=b=c").channel == "a=b=c")
    }

    @Test func knownKeysMatchInAnyCaseAndValuesAreNormalised() throws {
        let event = try parsed(
            "EVENTTIME=2026-11-25 13:00:00&Source=caller&EVENT=InComing&SESSIONID=S1&agentteamid=7&AGENTGROUPID=8&Model_ID=9&FROM=dialin&EventId=42&UniqueID=1&CHANNEL=c&CallerIdNum=1&ActiveNum=2&DidNumber=3&CallType=x&ModelType=Campaign&AgentNo=4")
        #expect(columns(event) == [
            "event_time": "2026-11-25 13:00:00", "source": "CALLER", "event": "incoming", "sessionid": "S1",
            "team_id": "7", "group_id": "8", "model_id": "9", "direction": "dialin", "eventid": "42",
            "uniqueid": "1", "channel": "c", "calleridnum": "1", "activenum": "2", "didnumber": "3",
            "calltype": "x", "modeltype": "Campaign", "agentno": "4",
        ])
        #expect(event.extra.isEmpty)
    }

    @Test func nonASCIISourceAndEventAreCaseMappedToo() throws {
        let event = try parsed("event=Ärger&source=straße")
        #expect(event.event == "ärger")
        #expect(event.source == "STRASSE")
    }

    @Test func nearMissesOfKnownKeysAreUnknown() throws {
        let event = try parsed("event=ringing&events=1&model-id=2&sessionid_=3&eventTim=4&from =5&fro=6")
        #expect(event.extra.map(\.key) == ["events", "model-id", "sessionid_", "eventTim", "fro"])
        #expect(event.direction == "5")
    }

    @Test func unknownKeysGoToExtraInOrderOfFirstAppearance() throws {
        let event = try parsed(#"event=ringing&zeta=1&Alpha=a"b\c&zeta=2&alpha=lower"#)
        #expect(event.extra == [
            ExtraField(key: "zeta", value: "2"),
            ExtraField(key: "Alpha", value: #"a"b\c"#),
            ExtraField(key: "alpha", value: "lower"),
        ])
        #expect(event.extraJSON == #"{"zeta":"2","Alpha":"a\"b\\c","alpha":"lower"}"#)
    }

    @Test func extraJSONEscapesControlCharacters() throws {
        let event = try parsed(#"{"event":"ringing","k\n":"a\tb\u0001c\r中"}"#)
        #expect(event.extraJSON == #"{"k\n":"a\tb\u0001c\r中"}"#)
    }

    @Test func theLastNonEmptyValueOfARepeatedKeyWins() throws {
        let event = try parsed("event=ringing&event=answer&channel=a&channel=&channel= ")
        #expect(event.event == "answer")
        #expect(event.channel == "a")
        let json = try parsed(#"{"event":"ringing","Event":"hangup","channel":"a","channel":null}"#)
        #expect(json.event == "hangup")
        #expect(json.channel == "a")
    }

    @Test func invalidUTF8BytesParseLossily() throws {
        let bytes = Array("event=ringing&channel=a".utf8) + [0xC3, 0x28, 0xFF] + Array("&k\u{FF}=v".utf8)
        let event = try parsed(bytes)
        #expect(event.channel == "a\u{FFFD}(\u{FFFD}")
        #expect(event.extra == [ExtraField(key: "kÿ", value: "v")])
    }

    @Test func aTwoHundredKilobyteValueIsKeptWhole() throws {
        let big = String(repeating: "0123456789", count: 20_480)
        let event = try parsed("event=ringing&channel=\(big)&sessionid=s1")
        #expect(event.channel == big)
        #expect(event.sessionid == "s1")
        let json = try parsed(#"{"event":"ringing","note":"\#(big)"}"#)
        #expect(json.extra == [ExtraField(key: "note", value: big)])
    }
}
