import CallEvents
import Testing

/// The 13 events of the vendor's page ("通话实时事件获取"), verbatim: an outbound call, then an inbound one.
@Suite struct VendorExampleTests {
    struct VendorCase: Sendable, CustomTestStringConvertible {
        var line: String
        var columns: [String: String]
        var testDescription: String { "\(columns["source"] ?? "") \(columns["event"] ?? "")" }
    }

    static let cases: [VendorCase] = [
        VendorCase(
            line: #"message="calleridnum=0138888888888&didnumber=&activenum=041139735857&source=AGENT&event=ringing&uniqueid=19866&sessionid=efeb7b374a3408b0d0954f30a1504d83&eventTime=2010-01-01 08:22:01&AgentTeamId=20&modeltype=Campaign&model_id=10&AgentGroupId=100&calltype=dialout&channel=Local/041139735857@hosted-dialout-408a;1&from=dialout&";"#,
            columns: [
                "sessionid": "efeb7b374a3408b0d0954f30a1504d83",
                "source": "AGENT",
                "event": "ringing",
                "event_time": "2010-01-01 08:22:01",
                "uniqueid": "19866",
                "channel": "Local/041139735857@hosted-dialout-408a;1",
                "calleridnum": "0138888888888",
                "activenum": "041139735857",
                "direction": "dialout",
                "calltype": "dialout",
                "team_id": "20",
                "group_id": "100",
                "modeltype": "Campaign",
                "model_id": "10",
            ]),
        VendorCase(
            line: #"message="calleridnum=0138888888888&didnumber=&activenum=041139735857&source=AGENT&event=answer&uniqueid=19866&sessionid=efeb7b374a3408b0d0954f30a1504d83&eventTime=2010-01-01 08:22:01&AgentTeamId=20&modeltype=Campaign&model_id=10&AgentGroupId=100&calltype=dialout&channel= &from=dialout&";"#,
            columns: [
                "sessionid": "efeb7b374a3408b0d0954f30a1504d83",
                "source": "AGENT",
                "event": "answer",
                "event_time": "2010-01-01 08:22:01",
                "uniqueid": "19866",
                "calleridnum": "0138888888888",
                "activenum": "041139735857",
                "direction": "dialout",
                "calltype": "dialout",
                "team_id": "20",
                "group_id": "100",
                "modeltype": "Campaign",
                "model_id": "10",
            ]),
        VendorCase(
            line: #"message="calleridnum=0138888888888&didnumber=&activenum=041139735857&source=CALLEE&event=ringing&uniqueid=19867&sessionid=efeb7b374a3408b0d0954f30a1504d83&eventTime=2010-01-01 08:22:01&AgentTeamId=20&modeltype=Campaign&model_id=10&AgentGroupId=100&calltype=dialout&channel=Local/0138888888888@hosted-dialout-7636;1&from=dialout&";"#,
            columns: [
                "sessionid": "efeb7b374a3408b0d0954f30a1504d83",
                "source": "CALLEE",
                "event": "ringing",
                "event_time": "2010-01-01 08:22:01",
                "uniqueid": "19867",
                "channel": "Local/0138888888888@hosted-dialout-7636;1",
                "calleridnum": "0138888888888",
                "activenum": "041139735857",
                "direction": "dialout",
                "calltype": "dialout",
                "team_id": "20",
                "group_id": "100",
                "modeltype": "Campaign",
                "model_id": "10",
            ]),
        VendorCase(
            line: #"message="calleridnum=041139735857&didnumber=&activenum=041139735857&source=CALLEE&event=answer&uniqueid=19867&sessionid=efeb7b374a3408b0d0954f30a1504d83&eventTime=2010-01-01 08:22:09&AgentTeamId=20&modeltype=Campaign&model_id=10&AgentGroupId=100&calltype=dialout&channel=&from=dialout&";"#,
            columns: [
                "sessionid": "efeb7b374a3408b0d0954f30a1504d83",
                "source": "CALLEE",
                "event": "answer",
                "event_time": "2010-01-01 08:22:09",
                "uniqueid": "19867",
                "calleridnum": "041139735857",
                "activenum": "041139735857",
                "direction": "dialout",
                "calltype": "dialout",
                "team_id": "20",
                "group_id": "100",
                "modeltype": "Campaign",
                "model_id": "10",
            ]),
        VendorCase(
            line: #"message="calleridnum=0138888888888&didnumber=&activenum=041139735857&source=CALLEE&event=hangup&uniqueid=19867&sessionid=efeb7b374a3408b0d0954f30a1504d83&eventTime=2010-01-01 08:22:47&AgentTeamId=20&modeltype=Campaign&model_id=10&AgentGroupId=100&calltype=dialout&channel=Local/0138888888888@hosted-dialout-7636;1&from=dialout&";"#,
            columns: [
                "sessionid": "efeb7b374a3408b0d0954f30a1504d83",
                "source": "CALLEE",
                "event": "hangup",
                "event_time": "2010-01-01 08:22:47",
                "uniqueid": "19867",
                "channel": "Local/0138888888888@hosted-dialout-7636;1",
                "calleridnum": "0138888888888",
                "activenum": "041139735857",
                "direction": "dialout",
                "calltype": "dialout",
                "team_id": "20",
                "group_id": "100",
                "modeltype": "Campaign",
                "model_id": "10",
            ]),
        VendorCase(
            line: #"message="calleridnum=0138888888888&didnumber=&activenum=041139735857&source=AGENT&event=hangup&uniqueid=19866&sessionid=efeb7b374a3408b0d0954f30a1504d83&eventTime=2010-01-01 08:22:47&AgentTeamId=20&modeltype=Campaign&model_id=10&AgentGroupId=100&calltype=dialout&channel=Local/041139735857@hosted-dialout-408a;1&from=dialout&";"#,
            columns: [
                "sessionid": "efeb7b374a3408b0d0954f30a1504d83",
                "source": "AGENT",
                "event": "hangup",
                "event_time": "2010-01-01 08:22:47",
                "uniqueid": "19866",
                "channel": "Local/041139735857@hosted-dialout-408a;1",
                "calleridnum": "0138888888888",
                "activenum": "041139735857",
                "direction": "dialout",
                "calltype": "dialout",
                "team_id": "20",
                "group_id": "100",
                "modeltype": "Campaign",
                "model_id": "10",
            ]),
        VendorCase(
            line: #"message="calleridnum=0138888888888&didnumber=&activenum=041139735857&source=CONVERSATION&event=hangup&uniqueid=0&sessionid=efeb7b374a3408b0d0954f30a1504d83&eventTime=2010-01-01 08:22:47&AgentTeamId=20&modeltype=Campaign&model_id=10&AgentGroupId=100&calltype=dialout&channel=&from=dialout&";"#,
            columns: [
                "sessionid": "efeb7b374a3408b0d0954f30a1504d83",
                "source": "CONVERSATION",
                "event": "hangup",
                "event_time": "2010-01-01 08:22:47",
                "uniqueid": "0",
                "calleridnum": "0138888888888",
                "activenum": "041139735857",
                "direction": "dialout",
                "calltype": "dialout",
                "team_id": "20",
                "group_id": "100",
                "modeltype": "Campaign",
                "model_id": "10",
            ]),
        VendorCase(
            line: #"message= "source=CALLER&event=incoming&modeltype=Campaign&uniqueid=1555&model_id=10&from=dialin&sessionid=1f10eab01f5b1b36230b8e91aef34810&channel=Local/0138888888888@hosted-dialin-701a;1";"#,
            columns: [
                "sessionid": "1f10eab01f5b1b36230b8e91aef34810",
                "source": "CALLER",
                "event": "incoming",
                "uniqueid": "1555",
                "channel": "Local/0138888888888@hosted-dialin-701a;1",
                "direction": "dialin",
                "modeltype": "Campaign",
                "model_id": "10",
            ]),
        VendorCase(
            line: #"message="calleridnum=0138888888888&didnumber=800888&activenum=041139735857&source=AGENT&event=ringing&uniqueid=1556&sessionid=1f10eab01f5b1b36230b8e91aef34810&eventTime=2010-01-01 11:11:07&AgentTeamId=3&modeltype=Campaign&model_id=10&AgentGroupId=100&from=dialin&channel=Local/041139735857@hosted-dialin-531a;1";"#,
            columns: [
                "sessionid": "1f10eab01f5b1b36230b8e91aef34810",
                "source": "AGENT",
                "event": "ringing",
                "event_time": "2010-01-01 11:11:07",
                "uniqueid": "1556",
                "channel": "Local/041139735857@hosted-dialin-531a;1",
                "calleridnum": "0138888888888",
                "activenum": "041139735857",
                "didnumber": "800888",
                "direction": "dialin",
                "team_id": "3",
                "group_id": "100",
                "modeltype": "Campaign",
                "model_id": "10",
            ]),
        VendorCase(
            line: #"message="calleridnum=0138888888888&didnumber=800888&activenum=041139735857&source=AGENT&event=answer&uniqueid=1556&sessionid=1f10eab01f5b1b36230b8e91aef34810&eventTime=2010-01-01 11:11:10&AgentTeamId=3&modeltype=Campaign&model_id=10&AgentGroupId=100&from=dialin&channel=";"#,
            columns: [
                "sessionid": "1f10eab01f5b1b36230b8e91aef34810",
                "source": "AGENT",
                "event": "answer",
                "event_time": "2010-01-01 11:11:10",
                "uniqueid": "1556",
                "calleridnum": "0138888888888",
                "activenum": "041139735857",
                "didnumber": "800888",
                "direction": "dialin",
                "team_id": "3",
                "group_id": "100",
                "modeltype": "Campaign",
                "model_id": "10",
            ]),
        VendorCase(
            line: #"message="calleridnum=0138888888888&didnumber=800888&activenum=041139735857&source=CALLER&event=hangup&uniqueid=1555&sessionid=1f10eab01f5b1b36230b8e91aef34810&eventTime=2010-01-01 11:12:54&AgentTeamId=3&modeltype=Campaign&model_id=10&AgentGroupId=100&from=dialin&channel=Local/0138888888888@hosted-dialin-701a;1";"#,
            columns: [
                "sessionid": "1f10eab01f5b1b36230b8e91aef34810",
                "source": "CALLER",
                "event": "hangup",
                "event_time": "2010-01-01 11:12:54",
                "uniqueid": "1555",
                "channel": "Local/0138888888888@hosted-dialin-701a;1",
                "calleridnum": "0138888888888",
                "activenum": "041139735857",
                "didnumber": "800888",
                "direction": "dialin",
                "team_id": "3",
                "group_id": "100",
                "modeltype": "Campaign",
                "model_id": "10",
            ]),
        VendorCase(
            line: #"message="calleridnum=0138888888888&didnumber=800888&activenum=041139735857&source=AGENT&event=hangup&uniqueid=1556&sessionid=1f10eab01f5b1b36230b8e91aef34810&eventTime=2010-01-01 11:12:54&AgentTeamId=3&modeltype=Campaign&model_id=10&AgentGroupId=100&from=dialin&channel=Local/041139735857@hosted-dialin-531a;1";"#,
            columns: [
                "sessionid": "1f10eab01f5b1b36230b8e91aef34810",
                "source": "AGENT",
                "event": "hangup",
                "event_time": "2010-01-01 11:12:54",
                "uniqueid": "1556",
                "channel": "Local/041139735857@hosted-dialin-531a;1",
                "calleridnum": "0138888888888",
                "activenum": "041139735857",
                "didnumber": "800888",
                "direction": "dialin",
                "team_id": "3",
                "group_id": "100",
                "modeltype": "Campaign",
                "model_id": "10",
            ]),
        VendorCase(
            line: #"message="calleridnum=0138888888888&didnumber=&activenum=041139735857&source=CONVERSATION&event=hangup&uniqueid=0&sessionid=1f10eab01f5b1b36230b8e91aef34810&eventTime=2010-01-01 11:12:54&AgentTeamId=3&modeltype=Campaign&model_id=10&AgentGroupId=100&channel=&from=dialin&";"#,
            columns: [
                "sessionid": "1f10eab01f5b1b36230b8e91aef34810",
                "source": "CONVERSATION",
                "event": "hangup",
                "event_time": "2010-01-01 11:12:54",
                "uniqueid": "0",
                "calleridnum": "0138888888888",
                "activenum": "041139735857",
                "direction": "dialin",
                "team_id": "3",
                "group_id": "100",
                "modeltype": "Campaign",
                "model_id": "10",
            ]),
    ]

    @Test("every vendor example parses to exactly its pairs, empty values absent, nothing extra", arguments: cases)
    func vendorExample(_ example: VendorCase) throws {
        let event = try parsed(example.line)
        #expect(columns(event) == example.columns)
        #expect(event.extra.isEmpty)
        #expect(event.extraJSON == nil)
    }

    @Test func theInlineExampleOfTheMessageSection() throws {
        let event = try parsed(
            #"message="calleridnum=041139735857&didnumber=8008008&activenum=041139735855&source=AGENT&event=ringing&uniqueid=78969&sessionid=efeb7b374a3408b0d0954f30a1504d83&eventTime=2010-01-01 08:21:58&AgentTeamId=20&modeltype=Campaign&model_id=10&AgentGroupId=100&calltype=dialout&channel=Local/015967121144@hosted-dialout-408a;1&from=dialout&";"#)
        #expect(event.didnumber == "8008008")
        #expect(event.channel == "Local/015967121144@hosted-dialout-408a;1")
        #expect(event.eventTime == "2010-01-01 08:21:58")
    }

    @Test func eventsOfOneSessionHaveDistinctDedupeKeys() throws {
        let keys = try Self.cases.map { try parsed($0.line).dedupeKey }
        #expect(Set(keys).count == keys.count)
    }
}
