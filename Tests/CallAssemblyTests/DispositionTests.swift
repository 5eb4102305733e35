import Testing
@testable import CallAssembly

@Suite("Dispositions of calls never answered, and of failed dial-outs")
struct DispositionTests {
    @Test func dialInTheCustomerGivesUpWhileTheAgentRings() {
        let events = [
            e(1, "CALLER", "incoming", at: B, uid: "c1", cid: "013900000001",
              channel: "Local/013900000001@hosted-dialin-1;1", from: "dialin"),
            e(2, "AGENT", "ringing", at: B + 5, uid: "a1", cid: "013900000001", active: "8001", from: "dialin"),
            // The agent leg stops ringing (ring timeout) before the customer gives up.
            e(3, "AGENT", "hangup", at: B + 20, uid: "a1", active: "8001", from: "dialin"),
            e(4, "CALLER", "hangup", at: B + 30, uid: "c1", cid: "013900000001", from: "dialin"),
            e(5, "CONVERSATION", "hangup", at: B + 30, uid: "0", from: "dialin"),
        ]
        let expected = CallRecord(
            sessionid: "abandoned", direction: "dialin", disposition: .abandoned, complete: true,
            customerNumber: "013900000001", agentNumber: nil, agentsRung: 1,
            did: nil, teamID: nil, groupID: nil, modeltype: nil, modelID: nil,
            startEpoch: B, answerEpoch: nil, endEpoch: B + 30,
            // Never answered: the wait is the whole 30 s the customer held on.
            durationSeconds: 30, waitSeconds: 30, talkSeconds: 0, holdSeconds: 0,
            // Nobody talked across sides, so the first of all to hang up: the agent leg at +20.
            hangupBy: "agent", eventCount: 5,
            parties: [
                CallParty(party: 1, role: .caller, number: "013900000001", uniqueid: "c1",
                          channel: "Local/013900000001@hosted-dialin-1;1",
                          ringEpoch: B, answerEpoch: nil, hangupEpoch: B + 30,
                          ringSeconds: 30, answerSeconds: nil, talkSeconds: 0, holdSeconds: 0),
                CallParty(party: 2, role: .agent, number: "8001", uniqueid: "a1", channel: nil,
                          ringEpoch: B + 5, answerEpoch: nil, hangupEpoch: B + 20,
                          ringSeconds: 15, answerSeconds: nil, talkSeconds: 0, holdSeconds: 0),
            ]
        )
        #expect(CallAssembler.assemble(sessionid: "abandoned", events: events) == expected)
    }

    @Test func dialOutTheCustomerNeverAnswers() {
        let events = [
            e(1, "AGENT", "ringing", at: B, uid: "a1", cid: "013900000002", active: "8001", from: "dialout"),
            e(2, "AGENT", "answer", at: B + 2, uid: "a1", cid: "013900000002", active: "8001", from: "dialout"),
            e(3, "CALLEE", "ringing", at: B + 3, uid: "k1", cid: "013900000002",
              channel: "Local/013900000002@hosted-dialout-1;1", from: "dialout"),
            e(4, "CALLEE", "hangup", at: B + 33, uid: "k1", cid: "013900000002", from: "dialout"),
            e(5, "AGENT", "hangup", at: B + 34, uid: "a1", cid: "013900000002", active: "8001", from: "dialout"),
            e(6, "CONVERSATION", "hangup", at: B + 34, uid: "0", from: "dialout"),
        ]
        let expected = CallRecord(
            sessionid: "no-answer", direction: "dialout", disposition: .noAnswer, complete: true,
            customerNumber: "013900000002", agentNumber: nil, agentsRung: 1,
            did: nil, teamID: nil, groupID: nil, modeltype: nil, modelID: nil,
            startEpoch: B, answerEpoch: nil, endEpoch: B + 34,
            durationSeconds: 34, waitSeconds: 34, talkSeconds: 0, holdSeconds: 0,
            // No pair across sides: the first hangup of all, the callee's at +33.
            hangupBy: "customer", eventCount: 6,
            parties: [
                // Connected 32 s but alone on the line: no talk.
                CallParty(party: 1, role: .agent, number: "8001", uniqueid: "a1", channel: nil,
                          ringEpoch: B, answerEpoch: B + 2, hangupEpoch: B + 34,
                          ringSeconds: 2, answerSeconds: 32, talkSeconds: 0, holdSeconds: 0),
                CallParty(party: 2, role: .callee, number: "013900000002", uniqueid: "k1",
                          channel: "Local/013900000002@hosted-dialout-1;1",
                          ringEpoch: B + 3, answerEpoch: nil, hangupEpoch: B + 33,
                          ringSeconds: 30, answerSeconds: nil, talkSeconds: 0, holdSeconds: 0),
            ]
        )
        #expect(CallAssembler.assemble(sessionid: "no-answer", events: events) == expected)
    }

    @Test func dialOutTheAgentNeverAnswers() {
        let events = [
            e(1, "AGENT", "ringing", at: B, uid: "a1", cid: "013900000003", active: "8001", from: "dialout"),
            e(2, "AGENT", "hangup", at: B + 20, uid: "a1", cid: "013900000003", active: "8001", from: "dialout"),
            e(3, "CONVERSATION", "hangup", at: B + 20, uid: "0", cid: "013900000003", from: "dialout"),
        ]
        let expected = CallRecord(
            sessionid: "agent-no-answer", direction: "dialout", disposition: .agentNoAnswer, complete: true,
            // No customer party: the first non-empty calleridnum, the agent's ringing event.
            customerNumber: "013900000003", agentNumber: nil, agentsRung: 1,
            did: nil, teamID: nil, groupID: nil, modeltype: nil, modelID: nil,
            startEpoch: B, answerEpoch: nil, endEpoch: B + 20,
            durationSeconds: 20, waitSeconds: 20, talkSeconds: 0, holdSeconds: 0,
            hangupBy: "agent", eventCount: 3,
            parties: [
                CallParty(party: 1, role: .agent, number: "8001", uniqueid: "a1", channel: nil,
                          ringEpoch: B, answerEpoch: nil, hangupEpoch: B + 20,
                          ringSeconds: 20, answerSeconds: nil, talkSeconds: 0, holdSeconds: 0),
            ]
        )
        #expect(CallAssembler.assemble(sessionid: "agent-no-answer", events: events) == expected)
    }

    @Test func dialOutFailsWhenTheAgentAnsweredButNoCustomerLegCame() {
        let events = [
            e(1, "AGENT", "ringing", at: B, uid: "a1", active: "8001", from: "dialout"),
            e(2, "AGENT", "answer", at: B + 1, uid: "a1", active: "8001", from: "dialout"),
            e(3, "AGENT", "hangup", at: B + 10, uid: "a1", active: "8001", from: "dialout"),
            e(4, "CONVERSATION", "hangup", at: B + 10, uid: "0", from: "dialout"),
        ]
        let expected = CallRecord(
            sessionid: "failed", direction: "dialout", disposition: .failed, complete: true,
            customerNumber: nil, agentNumber: nil, agentsRung: 1,
            did: nil, teamID: nil, groupID: nil, modeltype: nil, modelID: nil,
            startEpoch: B, answerEpoch: nil, endEpoch: B + 10,
            durationSeconds: 10, waitSeconds: 10, talkSeconds: 0, holdSeconds: 0,
            hangupBy: "agent", eventCount: 4,
            parties: [
                CallParty(party: 1, role: .agent, number: "8001", uniqueid: "a1", channel: nil,
                          ringEpoch: B, answerEpoch: B + 1, hangupEpoch: B + 10,
                          ringSeconds: 1, answerSeconds: 9, talkSeconds: 0, holdSeconds: 0),
            ]
        )
        #expect(CallAssembler.assemble(sessionid: "failed", events: events) == expected)
    }

    @Test func unansweredWithoutDirectionIsUnknown() throws {
        let events = [
            e(1, "AGENT", "ringing", at: B, uid: "a1", active: "8001"),
            e(2, "AGENT", "hangup", at: B + 4, uid: "a1", active: "8001"),
        ]
        let r = try #require(CallAssembler.assemble(sessionid: "s", events: events))
        #expect(r.direction == nil)
        #expect(r.disposition == .unknown)
    }

    @Test func directionIsMatchedWithoutRegardToCaseButKeptAsSent() throws {
        let events = [e(1, "CALLER", "incoming", at: B, uid: "c1", from: "DialIn")]
        let r = try #require(CallAssembler.assemble(sessionid: "s", events: events))
        #expect(r.direction == "DialIn")
        #expect(r.disposition == .abandoned)
    }

    /// An answered call is answered whatever the direction says (or when it says nothing).
    @Test func answeredWinsOverDirection() throws {
        let events = [
            e(1, "AGENT", "answer", at: B, uid: "a1", active: "8001"),
            e(2, "CALLEE", "answer", at: B + 3, uid: "k1", cid: "0139"),
        ]
        let r = try #require(CallAssembler.assemble(sessionid: "s", events: events))
        #expect(r.disposition == .answered)
        #expect(r.answerEpoch == B + 3)
    }
}
