@testable import CallSimulation
import CallEvents
import Foundation
import Testing

/// The lines copy the vendor's examples key for key, quirks included.
struct EventLineTests {
    /// samples/vendor-flows.txt, unwrapped from `message="...";`, with what the simulator adds:
    /// `eventid` after `eventTime`, and an eventTime on the short CALLER `incoming`.
    func vendorLines(withEventidsFrom first: Int) throws -> [String] {
        let text = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../samples/vendor-flows.txt").standardized, encoding: .utf8)
        return text.split(separator: "\n").enumerated().map { index, line in
            var event = String(line.drop { $0 != "\"" }.dropFirst().prefix { $0 != "\"" })
            let eventid = "&eventid=\(first + index)"
            if let time = event.range(of: #"&eventTime=[0-9: -]{19}"#, options: .regularExpression) {
                event.insert(contentsOf: eventid, at: time.upperBound)
            } else {
                event = event.replacingOccurrences(of: "&channel=", with: "&eventTime=2010-01-01 11:11:07\(eventid)&channel=")
            }
            return event
        }
    }

    func lines(_ call: CallScript, firstEventid: Int, format: EventFormat = .keyValue) -> [String] {
        var writer = EventLineWriter(format: format, clock: shanghaiClock)
        var bytes: [UInt8] = []
        for (index, event) in call.events.enumerated() {
            writer.append(.session(event), at: event.time, eventid: UInt64(firstEventid + index), to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func theVendorsFlowsComeOutAsTheVendorWroteThem() throws {
        let expected = try vendorLines(withEventidsFrom: 1)
        #expect(lines(VendorFlows.dialOut, firstEventid: 1) + lines(VendorFlows.dialIn, firstEventid: 8) == expected)
    }

    @Test func jsonLinesCarryTheSameEventsWithoutEmptyValues() throws {
        for (kv, json) in zip(lines(VendorFlows.dialOut, firstEventid: 1) + lines(VendorFlows.dialIn, firstEventid: 8),
                              lines(VendorFlows.dialOut, firstEventid: 1, format: .json) + lines(VendorFlows.dialIn, firstEventid: 8, format: .json)) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(json.hasPrefix(#"{"sessionid":""#))
            let fromKeyValue = Dictionary(uniqueKeysWithValues: kv.split(separator: "&").compactMap { pair -> (String, String)? in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let value = parts[1].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : (String(parts[0]), value)
            })
            #expect(object.mapValues { "\($0)" } == fromKeyValue)
        }
    }

    @Test func agentStateLinesHaveNoSessionOrSource() {
        var writer = EventLineWriter(format: .keyValue, clock: shanghaiClock)
        var bytes: [UInt8] = []
        let acw = AgentStateEvent(time: at("2026-11-02 08:00:05"), name: .hangupacw, agentno: "8017", team: "3", group: "100")
        writer.append(.agentState(acw), at: acw.time, eventid: 42, to: &bytes)
        let lunch = AgentStateEvent(time: at("2026-11-02 08:01:00"), name: .paused, agentno: "8017", team: "3", group: "100", reason: .lunch)
        writer.append(.agentState(lunch), at: lunch.time, eventid: 43, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == """
            agentno=8017&event=hangupacw&eventTime=2026-11-02 08:00:05&eventid=42&AgentTeamId=3&AgentGroupId=100&
            agentno=8017&event=paused&eventTime=2026-11-02 08:01:00&eventid=43&AgentTeamId=3&AgentGroupId=100&reason=lunch&

            """)
    }

    /// With agent state an AGENT party's events end with its agentno, after the vendor's keys.
    @Test func anAgentsCallEventsEndWithItsAgentno() {
        var call = handBuilt(.dialIn, kind: .dialInAnswered)
        let caller = call.ring(.caller, number: "013900000000", uniqueid: "1", channel: "Local/013900000000@x;1", at: base)
        let agent = call.ring(.agent, number: "041139735850", agentno: "8011", uniqueid: "2", channel: "Local/041139735850@x;1", at: base)
        call.answer(agent, at: base + 5)
        call.bridge(caller, at: base + 5)
        var dialOut = handBuilt(.dialOut, kind: .dialOutFailed)
        _ = dialOut.ring(.agent, number: "041139735871", agentno: "8032", uniqueid: "3", channel: "Local/041139735871@x;1", at: base)
        let kv = lines(call, firstEventid: 1) + lines(dialOut, firstEventid: 4)
        #expect(kv[0].hasSuffix("&from=dialin&channel=Local/013900000000@x;1"))
        #expect(kv[1].hasSuffix("&AgentGroupId=100&from=dialin&channel=Local/041139735850@x;1&agentno=8011"))
        #expect(kv[2].hasSuffix("&from=dialin&channel=&agentno=8011"))
        #expect(kv[3].hasSuffix("&calltype=dialout&channel=Local/041139735871@x;1&from=dialout&agentno=8032&"))
        let json = lines(call, firstEventid: 1, format: .json)
        #expect(!json[0].contains("agentno"))
        #expect(json[1].hasSuffix(#","from":"dialin","agentno":"8011"}"#))
    }

    /// Every line the simulator writes parses, and every session event has an eventTime and eventid.
    @Test func everyLineParses() throws {
        for format in EventFormat.allCases {
            for line in Run(options(.calls(300), agentState: true, format: format)).lines {
                let event = try EventParser.parse(String(line)).get()
                #expect(event.eventTime != nil && event.eventid != nil)
            }
        }
    }
}
