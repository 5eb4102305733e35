import Testing
@testable import CallAssembly

/// The vendor's two example flows (seed page, "呼出" and "呼入"), field for field, and the records
/// SPEC 3.3 gives for them.
enum VendorFlows {
    /// 2010-01-01 08:22:01 in Asia/Shanghai (UTC+8, no DST) = 00:22:01 UTC;
    /// 2010-01-01 00:00:00 UTC is 1262304000, plus 22·60 + 1 = 1321.
    static let dialOutStart: Int64 = 1_262_305_321
    /// 2010-01-01 11:11:07 Asia/Shanghai = 03:11:07 UTC = 1262304000 + 3·3600 + 11·60 + 7.
    /// The CALLER `incoming` has no eventTime; replayed from a file it is estimated at the time
    /// of its neighbour, the AGENT ringing at 11:11:07 (SPEC 1.3).
    static let dialInStart: Int64 = 1_262_315_467

    static let dialOutSession = "efeb7b374a3408b0d0954f30a1504d83"
    static let dialInSession = "1f10eab01f5b1b36230b8e91aef34810"

    static func outbound(
        _ rawID: Int64, _ source: String, _ event: String, at epoch: Int64,
        cid: String, uid: String, channel: String?
    ) -> SessionEvent {
        SessionEvent(
            rawID: rawID, source: source, event: event, epoch: epoch, uniqueid: uid,
            channel: channel, calleridnum: cid, activenum: "041139735857", didnumber: nil,
            direction: "dialout", teamID: "20", groupID: "100", modeltype: "Campaign", modelID: "10"
        )
    }

    static var dialOut: [SessionEvent] {
        let t = dialOutStart
        return [
            outbound(1, "AGENT", "ringing", at: t, cid: "0138888888888", uid: "19866",
                     channel: "Local/041139735857@hosted-dialout-408a;1"),
            // The page sends `channel= ` here: blank must not count as the party's channel.
            outbound(2, "AGENT", "answer", at: t, cid: "0138888888888", uid: "19866", channel: " "),
            outbound(3, "CALLEE", "ringing", at: t, cid: "0138888888888", uid: "19867",
                     channel: "Local/0138888888888@hosted-dialout-7636;1"),
            // The page puts the agent's number in this CALLEE event's calleridnum.
            outbound(4, "CALLEE", "answer", at: t + 8, cid: "041139735857", uid: "19867", channel: nil),
            outbound(5, "CALLEE", "hangup", at: t + 46, cid: "0138888888888", uid: "19867",
                     channel: "Local/0138888888888@hosted-dialout-7636;1"),
            outbound(6, "AGENT", "hangup", at: t + 46, cid: "0138888888888", uid: "19866",
                     channel: "Local/041139735857@hosted-dialout-408a;1"),
            outbound(7, "CONVERSATION", "hangup", at: t + 46, cid: "0138888888888", uid: "0", channel: nil),
        ]
    }

    static var dialIn: [SessionEvent] {
        let t = dialInStart
        func timed(_ rawID: Int64, _ source: String, _ event: String, at epoch: Int64,
                   uid: String, did: String?, channel: String?) -> SessionEvent {
            SessionEvent(
                rawID: rawID, source: source, event: event, epoch: epoch, uniqueid: uid,
                channel: channel, calleridnum: "0138888888888", activenum: "041139735857",
                didnumber: did, direction: "dialin", teamID: "3", groupID: "100",
                modeltype: "Campaign", modelID: "10"
            )
        }
        return [
            // The untimed first event: no calleridnum, activenum, didnumber or team.
            SessionEvent(
                rawID: 1, source: "CALLER", event: "incoming", epoch: t, uniqueid: "1555",
                channel: "Local/0138888888888@hosted-dialin-701a;1", direction: "dialin",
                modeltype: "Campaign", modelID: "10"
            ),
            timed(2, "AGENT", "ringing", at: t, uid: "1556", did: "800888",
                  channel: "Local/041139735857@hosted-dialin-531a;1"),
            timed(3, "AGENT", "answer", at: t + 3, uid: "1556", did: "800888", channel: nil),
            timed(4, "CALLER", "hangup", at: t + 107, uid: "1555", did: "800888",
                  channel: "Local/0138888888888@hosted-dialin-701a;1"),
            timed(5, "AGENT", "hangup", at: t + 107, uid: "1556", did: "800888",
                  channel: "Local/041139735857@hosted-dialin-531a;1"),
            timed(6, "CONVERSATION", "hangup", at: t + 107, uid: "0", did: nil, channel: nil),
        ]
    }

    static var dialOutRecord: CallRecord {
        let t = dialOutStart
        return CallRecord(
            sessionid: dialOutSession, direction: "dialout", disposition: .answered, complete: true,
            customerNumber: "0138888888888", agentNumber: "041139735857", agentsRung: 1,
            did: nil, teamID: "20", groupID: "100", modeltype: "Campaign", modelID: "10",
            startEpoch: t, answerEpoch: t + 8, endEpoch: t + 46,
            durationSeconds: 46, waitSeconds: 8, talkSeconds: 38, holdSeconds: 0,
            hangupBy: "customer", eventCount: 7,
            parties: [
                // Agent talks 08:22:01–08:22:47, the callee 08:22:09–08:22:47: together 38.
                CallParty(party: 1, role: .agent, number: "041139735857", uniqueid: "19866",
                          channel: "Local/041139735857@hosted-dialout-408a;1",
                          ringEpoch: t, answerEpoch: t, hangupEpoch: t + 46,
                          ringSeconds: 0, answerSeconds: 46, talkSeconds: 38, holdSeconds: 0,
                          talkStartEpoch: t + 8, endEpoch: t + 46),
                // calleridnum 0138888888888 twice, 041139735857 once: the majority wins.
                CallParty(party: 2, role: .callee, number: "0138888888888", uniqueid: "19867",
                          channel: "Local/0138888888888@hosted-dialout-7636;1",
                          ringEpoch: t, answerEpoch: t + 8, hangupEpoch: t + 46,
                          ringSeconds: 8, answerSeconds: 38, talkSeconds: 38, holdSeconds: 0,
                          talkStartEpoch: t + 8, endEpoch: t + 46),
            ]
        )
    }

    static var dialInRecord: CallRecord {
        let t = dialInStart
        return CallRecord(
            sessionid: dialInSession, direction: "dialin", disposition: .answered, complete: true,
            customerNumber: "0138888888888", agentNumber: "041139735857", agentsRung: 1,
            did: "800888", teamID: "3", groupID: "100", modeltype: "Campaign", modelID: "10",
            startEpoch: t, answerEpoch: t + 3, endEpoch: t + 107,
            durationSeconds: 107, waitSeconds: 3, talkSeconds: 104, holdSeconds: 0,
            hangupBy: "customer", eventCount: 6,
            parties: [
                // Never answers itself: bridged at the agent's answer, 11:11:10.
                CallParty(party: 1, role: .caller, number: "0138888888888", uniqueid: "1555",
                          channel: "Local/0138888888888@hosted-dialin-701a;1",
                          ringEpoch: t, answerEpoch: t + 3, hangupEpoch: t + 107,
                          ringSeconds: 3, answerSeconds: 104, talkSeconds: 104, holdSeconds: 0,
                          talkStartEpoch: t + 3, endEpoch: t + 107),
                CallParty(party: 2, role: .agent, number: "041139735857", uniqueid: "1556",
                          channel: "Local/041139735857@hosted-dialin-531a;1",
                          ringEpoch: t, answerEpoch: t + 3, hangupEpoch: t + 107,
                          ringSeconds: 3, answerSeconds: 104, talkSeconds: 104, holdSeconds: 0,
                          talkStartEpoch: t + 3, endEpoch: t + 107),
            ]
        )
    }
}

@Suite("The vendor's example flows (SPEC 3.3)")
struct VendorFlowTests {
    @Test func dialOutGivesTheRecordOfSpec33() {
        let record = CallAssembler.assemble(sessionid: VendorFlows.dialOutSession, events: VendorFlows.dialOut)
        #expect(record == VendorFlows.dialOutRecord)
    }

    @Test func dialOutFieldByField() throws {
        let r = try #require(CallAssembler.assemble(sessionid: VendorFlows.dialOutSession, events: VendorFlows.dialOut))
        let t = VendorFlows.dialOutStart
        #expect(r.sessionid == "efeb7b374a3408b0d0954f30a1504d83")
        #expect(r.direction == "dialout")
        #expect(r.disposition == .answered)
        #expect(r.complete)
        #expect(r.customerNumber == "0138888888888")
        #expect(r.agentNumber == "041139735857")
        #expect(r.agentsRung == 1)
        #expect(r.did == nil)
        #expect(r.teamID == "20")
        #expect(r.groupID == "100")
        #expect(r.modeltype == "Campaign")
        #expect(r.modelID == "10")
        #expect(r.startEpoch == 1_262_305_321)
        #expect(r.answerEpoch == t + 8)
        #expect(r.endEpoch == t + 46)
        #expect(r.durationSeconds == 46)
        #expect(r.waitSeconds == 8)
        #expect(r.talkSeconds == 38)
        #expect(r.holdSeconds == 0)
        // Both hang up at 08:22:47; the CALLEE hangup arrived first.
        #expect(r.hangupBy == "customer")
        #expect(r.eventCount == 7)
        #expect(r.parties.map(\.role) == [.agent, .callee])
        #expect(r.parties.map(\.ringSeconds) == [0, 8])
        #expect(r.parties.map(\.answerSeconds) == [46, 38])
        #expect(r.parties.map(\.talkSeconds) == [38, 38])
    }

    @Test func dialInGivesTheRecordOfSpec33() {
        let record = CallAssembler.assemble(sessionid: VendorFlows.dialInSession, events: VendorFlows.dialIn)
        #expect(record == VendorFlows.dialInRecord)
    }

    @Test func dialInFieldByField() throws {
        let r = try #require(CallAssembler.assemble(sessionid: VendorFlows.dialInSession, events: VendorFlows.dialIn))
        let t = VendorFlows.dialInStart
        #expect(r.direction == "dialin")
        #expect(r.disposition == .answered)
        #expect(r.complete)
        #expect(r.customerNumber == "0138888888888")
        #expect(r.agentNumber == "041139735857")
        #expect(r.agentsRung == 1)
        #expect(r.did == "800888")
        #expect(r.teamID == "3")
        #expect(r.groupID == "100")
        #expect(r.startEpoch == 1_262_315_467)
        #expect(r.answerEpoch == t + 3)
        #expect(r.endEpoch == t + 107)
        #expect(r.durationSeconds == 107)
        #expect(r.waitSeconds == 3)
        #expect(r.talkSeconds == 104)
        #expect(r.holdSeconds == 0)
        #expect(r.hangupBy == "customer")
        #expect(r.eventCount == 6)
        #expect(r.parties.map(\.role) == [.caller, .agent])
        #expect(r.parties.map(\.number) == ["0138888888888", "041139735857"])
        #expect(r.parties.map(\.ringSeconds) == [3, 3])
        #expect(r.parties.map(\.answerSeconds) == [104, 104])
        #expect(r.parties.map(\.talkSeconds) == [104, 104])
    }

    /// Replayed from the file, the untimed CALLER incoming lands on its neighbour's time; live it
    /// would keep the real IVR gap, and the record follows that start.
    @Test func dialInWithALiveEstimateKeepsTheIVRWait() throws {
        var events = VendorFlows.dialIn
        events[0].epoch = VendorFlows.dialInStart - 12
        let r = try #require(CallAssembler.assemble(sessionid: VendorFlows.dialInSession, events: events))
        // Start 12 s earlier: duration 107 + 12, wait 3 + 12, caller rang 15 s.
        #expect(r.startEpoch == VendorFlows.dialInStart - 12)
        #expect(r.durationSeconds == 119)
        #expect(r.waitSeconds == 15)
        #expect(r.talkSeconds == 104)
        #expect(r.parties[0].ringSeconds == 15)
        #expect(r.parties[0].answerSeconds == 104)
        #expect(r.parties[1].ringSeconds == 3)
    }
}
