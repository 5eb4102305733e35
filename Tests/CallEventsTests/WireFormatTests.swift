import CallEvents
import Testing

@Suite struct WireFormatTests {
    static let ringing: [String: String] = [
        "sessionid": "s1", "source": "AGENT", "event": "ringing", "event_time": "2026-11-25 13:00:00",
        "activenum": "8001",
    ]

    @Test(arguments: [
        "sessionid=s1&source=AGENT&event=ringing&eventTime=2026-11-25 13:00:00&activenum=8001",
        "sessionid=s1&source=AGENT&event=ringing&eventTime=2026-11-25 13:00:00&activenum=8001&",
        #"message="sessionid=s1&source=AGENT&event=ringing&eventTime=2026-11-25 13:00:00&activenum=8001&";"#,
        #"message= "sessionid=s1&source=AGENT&event=ringing&eventTime=2026-11-25 13:00:00&activenum=8001";"#,
        #"message = "sessionid=s1&source=AGENT&event=ringing&eventTime=2026-11-25 13:00:00&activenum=8001" ;"#,
        #"message="sessionid=s1&source=AGENT&event=ringing&eventTime=2026-11-25 13:00:00&activenum=8001""#,
        #"MESSAGE="sessionid=s1&source=AGENT&event=ringing&eventTime=2026-11-25 13:00:00&activenum=8001";"#,
        #"{"sessionid":"s1","source":"AGENT","event":"ringing","eventTime":"2026-11-25 13:00:00","activenum":"8001"}"#,
        "{'sessionid':'s1','source':'AGENT','event':'ringing','eventTime':'2026-11-25 13:00:00','activenum':'8001'}",
        #"  { "sessionid" : "s1" , 'source':'AGENT', "event": 'ringing', "eventTime":"2026-11-25 13:00:00", "activenum": 8001 }  "#,
        "\t sessionid=s1&source=AGENT&event=ringing&eventTime=2026-11-25 13:00:00&activenum=8001 \t",
    ])
    func everyWireFormatGivesTheSameEvent(_ line: String) throws {
        let event = try parsed(line)
        #expect(columns(event) == Self.ringing)
        #expect(event.extra.isEmpty)
    }

    @Test func jsonNumbersBooleansAndNullBecomeTextOrAbsence() throws {
        let event = try parsed(
            #"{"event":"answer","uniqueid":1555,"AgentTeamId":-3,"model_id":1.5e3,"calltype":true,"modeltype":false,"channel":null,"agentno":0042}"#)
        #expect(columns(event) == [
            "event": "answer", "uniqueid": "1555", "team_id": "-3", "model_id": "1.5e3", "calltype": "true",
            "modeltype": "false", "agentno": "0042",
        ])
    }

    @Test func jsonNestedValuesAreKeptAsTheirRawText() throws {
        let event = try parsed(#"{"event":"join","tags":["a", {"b":'c'}],"meta":{ "x" : [1,2] },"empty":{}}"#)
        #expect(event.extra == [
            ExtraField(key: "tags", value: #"["a", {"b":'c'}]"#),
            ExtraField(key: "meta", value: #"{ "x" : [1,2] }"#),
            ExtraField(key: "empty", value: "{}"),
        ])
    }

    @Test func jsonEscapesAreDecoded() throws {
        let event = try parsed(
            #"{"event":"ringing","channel":"a\"b\\c\/d\te","calleridnum":'it\'s',"didnumber":"\u4e2d\u6587","activenum":"\ud83d\ude00","agentno":"\ud800x"}"#)
        #expect(event.channel == "a\"b\\c/d\te")
        #expect(event.calleridnum == "it's")
        #expect(event.didnumber == "中文")
        #expect(event.activenum == "😀")
        #expect(event.agentno == "\u{FFFD}x")
    }

    @Test func jsonStringsAreTrimmedAndEmptyOnesAreAbsent() throws {
        let event = try parsed(#"{" event ":" hangup ","channel":"  ","didnumber":""}"#)
        #expect(columns(event) == ["event": "hangup"])
    }

    @Test func jsonInNonUTF8BytesParsesLossily() throws {
        let event = try parsed(Array(#"{"event":"ringing","channel":"a"#.utf8) + [0xFF] + Array(#"b"}"#.utf8))
        #expect(event.channel == "a\u{FFFD}b")
    }

    @Test func eventsWithoutSessionidAreAgentStateEvents() throws {
        let event = try parsed("event=paused&agentno=8001&eventTime=2026-11-25 13:00:00")
        #expect(columns(event) == ["event": "paused", "agentno": "8001", "event_time": "2026-11-25 13:00:00"])
    }

    @Test func aWrapperThatDoesNotCloseIsReadAsPlainPairs() throws {
        let event = try parsed(#"message="sessionid=s1&event=ringing"#)
        #expect(event.event == "ringing")
        #expect(event.sessionid == nil)
        #expect(event.extra == [ExtraField(key: "message", value: #""sessionid=s1"#)])
    }

    @Test func bytesStringAndRawBufferEntryPointsAgree() throws {
        let line = "sessionid=s1&event=Ringing&source=agent\r"
        let fromString = try parsed(line)
        let fromBytes = try parsed(Array(line.utf8))
        let fromBuffer = try Array(line.utf8).withUnsafeBytes { try EventParser.parse($0).get() }
        #expect(fromString == fromBytes)
        #expect(fromBytes == fromBuffer)
        #expect(fromString.event == "ringing")
        #expect(fromString.source == "AGENT")
    }

    @Test func aLeadingByteOrderMarkIsIgnored() throws {
        let event = try parsed([0xEF, 0xBB, 0xBF] + Array("event=hangup".utf8))
        #expect(columns(event) == ["event": "hangup"])
    }

    @Test func crlfLineEndingsAreStripped() throws {
        let event = try parsed("event=hangup&sessionid=s1\r")
        #expect(event.sessionid == "s1")
        let json = try parsed("{\"event\":\"hangup\"}\r\n")
        #expect(json.event == "hangup")
    }
}
