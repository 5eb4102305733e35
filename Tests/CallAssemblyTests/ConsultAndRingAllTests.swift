import Testing
@testable import CallAssembly

@Suite("Consult parties and ring-all")
struct ConsultAndRingAllTests {
    /// Dial-in. The agent answers at +4, holds the customer at +30 to consult 8002, who answers
    /// at +35 (talking with the agent) and joins the customer at +50. The agent leaves at +60; the
    /// consult keeps talking with the customer until the customer hangs up at +100.
    @Test func aConsultTakesTheCallOver() {
        let events = [
            e(1, "CALLER", "incoming", at: B, uid: "c1", cid: "013900000020", from: "dialin"),
            e(2, "AGENT", "ringing", at: B + 2, uid: "a1", active: "8001", from: "dialin"),
            e(3, "AGENT", "answer", at: B + 4, uid: "a1", active: "8001", from: "dialin"),
            e(4, "CALLER", "onhold", at: B + 30, uid: "c1", cid: "013900000020", from: "dialin"),
            e(5, "CONSULT", "ringing", at: B + 31, uid: "x1", active: "8002", from: "dialin"),
            e(6, "CONSULT", "answer", at: B + 35, uid: "x1", active: "8002", from: "dialin"),
            e(7, "CALLER", "resume", at: B + 50, uid: "c1", cid: "013900000020", from: "dialin"),
            e(8, "CONSULT", "join", at: B + 50, uid: "x1", active: "8002", from: "dialin"),
            e(9, "AGENT", "hangup", at: B + 60, uid: "a1", active: "8001", from: "dialin"),
            e(10, "CALLER", "hangup", at: B + 100, uid: "c1", cid: "013900000020", from: "dialin"),
            e(11, "CONSULT", "hangup", at: B + 101, uid: "x1", active: "8002", from: "dialin"),
            e(12, "CONVERSATION", "hangup", at: B + 101, uid: "0", from: "dialin"),
        ]
        // Talking: caller [4,30) ∪ [50,100); agent [4,60); consult [35,101).
        let expected = CallRecord(
            sessionid: "consult", direction: "dialin", disposition: .answered, complete: true,
            customerNumber: "013900000020", agentNumber: "8001", agentsRung: 1,
            did: nil, teamID: nil, groupID: nil, modeltype: nil, modelID: nil,
            startEpoch: B, answerEpoch: B + 4, endEpoch: B + 101,
            // Customer with agent or consult: [4,30) + [50,100) = 26 + 50.
            durationSeconds: 101, waitSeconds: 4, talkSeconds: 76, holdSeconds: 20,
            // All three were connected across sides; the agent's hangup at +60 comes first.
            hangupBy: "agent", eventCount: 12,
            parties: [
                // Bridged by the agent's answer; with someone else [4,30) ∪ [50,100) = 76.
                CallParty(party: 1, role: .caller, number: "013900000020", uniqueid: "c1", channel: nil,
                          ringEpoch: B, answerEpoch: B + 4, hangupEpoch: B + 100,
                          ringSeconds: 4, answerSeconds: 96, talkSeconds: 76, holdSeconds: 20,
                          talkStartEpoch: B + 4, endEpoch: B + 100, holdIntervals: [B + 30..<B + 50]),
                // [4,60) against caller ∪ consult = [4,30) ∪ [35,101): 26 + 25 = 51.
                CallParty(party: 2, role: .agent, number: "8001", uniqueid: "a1", channel: nil,
                          ringEpoch: B + 2, answerEpoch: B + 4, hangupEpoch: B + 60,
                          ringSeconds: 2, answerSeconds: 56, talkSeconds: 51, holdSeconds: 0,
                          talkStartEpoch: B + 4, endEpoch: B + 60),
                // Answered at +35 (its answer, not its join); [35,101) against [4,60) ∪ [50,100): 65.
                CallParty(party: 3, role: .consult, number: "8002", uniqueid: "x1", channel: nil,
                          ringEpoch: B + 31, answerEpoch: B + 35, hangupEpoch: B + 101,
                          ringSeconds: 4, answerSeconds: 66, talkSeconds: 65, holdSeconds: 0,
                          talkStartEpoch: B + 35, endEpoch: B + 101),
            ]
        )
        #expect(CallAssembler.assemble(sessionid: "consult", events: events) == expected)
    }

    @Test func aConsultWhoHangsUpFirstIsHangupByConsult() throws {
        let events = [
            e(1, "CALLER", "incoming", at: B, uid: "c1", from: "dialin"),
            e(2, "AGENT", "answer", at: B + 3, uid: "a1", active: "8001", from: "dialin"),
            e(3, "CONSULT", "ringing", at: B + 10, uid: "x1", active: "8002", from: "dialin"),
            // Joins without an answer event: connected from the join.
            e(4, "CONSULT", "join", at: B + 15, uid: "x1", active: "8002", from: "dialin"),
            e(5, "CONSULT", "hangup", at: B + 40, uid: "x1", active: "8002", from: "dialin"),
            e(6, "AGENT", "hangup", at: B + 50, uid: "a1", active: "8001", from: "dialin"),
            e(7, "CALLER", "hangup", at: B + 50, uid: "c1", from: "dialin"),
        ]
        let r = try #require(CallAssembler.assemble(sessionid: "s", events: events))
        #expect(r.hangupBy == "consult")
        #expect(r.parties[2].answerEpoch == B + 15)
        #expect(r.parties[2].ringSeconds == 5)
        // Consult [15,40) overlaps caller [3,50): 25.
        #expect(r.parties[2].talkSeconds == 25)
        #expect(r.talkSeconds == 47)
        // Incomplete: no CONVERSATION hangup, the end is the latest event.
        #expect(!r.complete)
        #expect(r.endEpoch == B + 50)
    }

    /// Two agents ring for one dial-in call; the second answers and the first stops ringing.
    @Test func ringAllWithTwoAgents() {
        let events = [
            e(1, "CALLER", "incoming", at: B, uid: "c1", cid: "013900000030", from: "dialin"),
            e(2, "AGENT", "ringing", at: B + 1, uid: "a1", active: "8001", from: "dialin"),
            e(3, "AGENT", "ringing", at: B + 1, uid: "a2", active: "8002", from: "dialin"),
            e(4, "AGENT", "answer", at: B + 6, uid: "a2", active: "8002", from: "dialin"),
            e(5, "AGENT", "hangup", at: B + 6, uid: "a1", active: "8001", from: "dialin"),
            e(6, "CALLER", "hangup", at: B + 60, uid: "c1", cid: "013900000030", from: "dialin"),
            e(7, "AGENT", "hangup", at: B + 61, uid: "a2", active: "8002", from: "dialin"),
            e(8, "CONVERSATION", "hangup", at: B + 61, uid: "0", from: "dialin"),
        ]
        let expected = CallRecord(
            sessionid: "ring-all", direction: "dialin", disposition: .answered, complete: true,
            customerNumber: "013900000030", agentNumber: "8002", agentsRung: 2,
            did: nil, teamID: nil, groupID: nil, modeltype: nil, modelID: nil,
            startEpoch: B, answerEpoch: B + 6, endEpoch: B + 61,
            durationSeconds: 61, waitSeconds: 6, talkSeconds: 54, holdSeconds: 0,
            // 8001 hung up first (+6) but never talked with the customer; among those who did,
            // the customer (+60) before 8002 (+61).
            hangupBy: "customer", eventCount: 8,
            parties: [
                CallParty(party: 1, role: .caller, number: "013900000030", uniqueid: "c1", channel: nil,
                          ringEpoch: B, answerEpoch: B + 6, hangupEpoch: B + 60,
                          ringSeconds: 6, answerSeconds: 54, talkSeconds: 54, holdSeconds: 0,
                          talkStartEpoch: B + 6, endEpoch: B + 60),
                CallParty(party: 2, role: .agent, number: "8001", uniqueid: "a1", channel: nil,
                          ringEpoch: B + 1, answerEpoch: nil, hangupEpoch: B + 6,
                          ringSeconds: 5, answerSeconds: nil, talkSeconds: 0, holdSeconds: 0),
                CallParty(party: 3, role: .agent, number: "8002", uniqueid: "a2", channel: nil,
                          ringEpoch: B + 1, answerEpoch: B + 6, hangupEpoch: B + 61,
                          ringSeconds: 5, answerSeconds: 55, talkSeconds: 54, holdSeconds: 0,
                          talkStartEpoch: B + 6, endEpoch: B + 61),
            ]
        )
        #expect(CallAssembler.assemble(sessionid: "ring-all", events: events) == expected)
    }

    /// Both agents connected with the customer at the same second: party order decides.
    @Test func agentNumberTieGoesToTheEarlierParty() throws {
        let events = [
            e(1, "AGENT", "answer", at: B, uid: "a1", active: "8001", from: "dialout"),
            e(2, "AGENT", "answer", at: B, uid: "a2", active: "8002", from: "dialout"),
            e(3, "CALLEE", "answer", at: B + 5, uid: "k1", cid: "0139", from: "dialout"),
        ]
        let r = try #require(CallAssembler.assemble(sessionid: "s", events: events))
        #expect(r.agentNumber == "8001")
        #expect(r.agentsRung == 2)
    }

    /// The handling agent is the first connected with the customer, not the first to answer.
    @Test func agentNumberIsTheFirstConnectedWithTheCustomer() throws {
        let events = [
            e(1, "AGENT", "answer", at: B, uid: "a1", active: "8001", from: "dialout"),
            e(2, "AGENT", "hangup", at: B + 3, uid: "a1", active: "8001", from: "dialout"),
            e(3, "AGENT", "answer", at: B + 4, uid: "a2", active: "8002", from: "dialout"),
            e(4, "CALLEE", "answer", at: B + 5, uid: "k1", cid: "0139", from: "dialout"),
            e(5, "CALLEE", "hangup", at: B + 9, uid: "k1", cid: "0139", from: "dialout"),
            e(6, "AGENT", "hangup", at: B + 9, uid: "a2", active: "8002", from: "dialout"),
        ]
        let r = try #require(CallAssembler.assemble(sessionid: "s", events: events))
        #expect(r.agentNumber == "8002")
        #expect(r.answerEpoch == B + 5)
        #expect(r.talkSeconds == 4)
    }
}
