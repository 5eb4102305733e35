import Testing
@testable import CallAssembly

@Suite("Hold and resume")
struct HoldTests {
    /// Dial-in, bridged at +5. The customer is held +20–+50, resumed, held again at +80 and hangs
    /// up on hold at +90; the agent stays until +92. A stray agent `resume` is ignored.
    static let events = [
        e(1, "CALLER", "incoming", at: B, uid: "c1", cid: "013900000010", from: "dialin"),
        e(2, "AGENT", "ringing", at: B + 2, uid: "a1", active: "8001", from: "dialin"),
        e(3, "AGENT", "answer", at: B + 5, uid: "a1", active: "8001", from: "dialin"),
        e(4, "CALLER", "onhold", at: B + 20, uid: "c1", cid: "013900000010", from: "dialin"),
        e(5, "CALLER", "resume", at: B + 50, uid: "c1", cid: "013900000010", from: "dialin"),
        e(6, "AGENT", "resume", at: B + 60, uid: "a1", active: "8001", from: "dialin"),
        e(7, "CALLER", "onhold", at: B + 80, uid: "c1", cid: "013900000010", from: "dialin"),
        e(8, "CALLER", "hangup", at: B + 90, uid: "c1", cid: "013900000010", from: "dialin"),
        e(9, "AGENT", "hangup", at: B + 92, uid: "a1", active: "8001", from: "dialin"),
        e(10, "CONVERSATION", "hangup", at: B + 92, uid: "0", from: "dialin"),
    ]

    @Test func holdReducesTalkAndCountsForPartyAndCall() {
        let expected = CallRecord(
            sessionid: "hold", direction: "dialin", disposition: .answered, complete: true,
            customerNumber: "013900000010", agentNumber: "8001", agentsRung: 1,
            did: nil, teamID: nil, groupID: nil, modeltype: nil, modelID: nil,
            startEpoch: B, answerEpoch: B + 5, endEpoch: B + 92,
            // Customer talks [5,20) + [50,80) = 15 + 30 = 45; the agent talks all along.
            durationSeconds: 92, waitSeconds: 5, talkSeconds: 45,
            // Held [20,50) + [80,90) = 30 + 10.
            holdSeconds: 40,
            hangupBy: "customer", eventCount: 10,
            parties: [
                CallParty(party: 1, role: .caller, number: "013900000010", uniqueid: "c1", channel: nil,
                          ringEpoch: B, answerEpoch: B + 5, hangupEpoch: B + 90,
                          ringSeconds: 5, answerSeconds: 85, talkSeconds: 45, holdSeconds: 40,
                          talkStartEpoch: B + 5, endEpoch: B + 90, holdIntervals: [B + 20..<B + 50, B + 80..<B + 90]),
                // Connected [5,92], but talks only while the customer does: 45.
                CallParty(party: 2, role: .agent, number: "8001", uniqueid: "a1", channel: nil,
                          ringEpoch: B + 2, answerEpoch: B + 5, hangupEpoch: B + 92,
                          ringSeconds: 3, answerSeconds: 87, talkSeconds: 45, holdSeconds: 0,
                          talkStartEpoch: B + 5, endEpoch: B + 92),
            ]
        )
        #expect(CallAssembler.assemble(sessionid: "hold", events: Self.events) == expected)
    }

    @Test func overlappingHoldsOfTwoPartiesCountOnceForTheCall() throws {
        let events = [
            e(1, "AGENT", "answer", at: B, uid: "a1", active: "8001", from: "dialout"),
            e(2, "CALLEE", "ringing", at: B + 1, uid: "k1", cid: "0139", from: "dialout"),
            e(3, "CALLEE", "answer", at: B + 10, uid: "k1", cid: "0139", from: "dialout"),
            e(4, "AGENT", "onhold", at: B + 20, uid: "a1", active: "8001", from: "dialout"),
            e(5, "CALLEE", "onhold", at: B + 30, uid: "k1", cid: "0139", from: "dialout"),
            e(6, "AGENT", "resume", at: B + 40, uid: "a1", active: "8001", from: "dialout"),
            e(7, "CALLEE", "resume", at: B + 50, uid: "k1", cid: "0139", from: "dialout"),
            e(8, "CALLEE", "hangup", at: B + 60, uid: "k1", cid: "0139", from: "dialout"),
            e(9, "AGENT", "hangup", at: B + 60, uid: "a1", active: "8001", from: "dialout"),
            e(10, "CONVERSATION", "hangup", at: B + 60, uid: "0", from: "dialout"),
        ]
        let r = try #require(CallAssembler.assemble(sessionid: "s", events: events))
        // Agent held [20,40), callee [30,50): union [20,50) = 30, not 20 + 20.
        #expect(r.holdSeconds == 30)
        #expect(r.parties.map(\.holdSeconds) == [20, 20])
        // Agent talks [0,20) ∪ [40,60), callee [10,30) ∪ [50,60): together [10,20) ∪ [50,60).
        #expect(r.parties.map(\.talkSeconds) == [20, 20])
        #expect(r.talkSeconds == 20)
        #expect(r.answerEpoch == B + 10)
    }

    @Test func holdIsClippedToTheConnectedInterval() throws {
        let events = [
            e(1, "AGENT", "answer", at: B, uid: "a1", active: "8001", from: "dialout"),
            e(2, "CALLEE", "ringing", at: B + 1, uid: "k1", cid: "0139", from: "dialout"),
            // On hold while still ringing: only the part after its answer at +10 counts.
            e(3, "CALLEE", "onhold", at: B + 5, uid: "k1", cid: "0139", from: "dialout"),
            e(4, "CALLEE", "answer", at: B + 10, uid: "k1", cid: "0139", from: "dialout"),
            e(5, "CALLEE", "resume", at: B + 15, uid: "k1", cid: "0139", from: "dialout"),
            e(6, "CALLEE", "hangup", at: B + 40, uid: "k1", cid: "0139", from: "dialout"),
            e(7, "AGENT", "hangup", at: B + 40, uid: "a1", active: "8001", from: "dialout"),
            e(8, "CONVERSATION", "hangup", at: B + 40, uid: "0", from: "dialout"),
        ]
        let r = try #require(CallAssembler.assemble(sessionid: "s", events: events))
        #expect(r.parties[1].holdSeconds == 5)
        #expect(r.holdSeconds == 5)
        // Callee talks [15,40) = 25.
        #expect(r.talkSeconds == 25)
        #expect(r.parties.map(\.talkSeconds) == [25, 25])
    }

    @Test func aHoldWithoutResumeOrHangupLastsUntilTheCallEnds() throws {
        let events = [
            e(1, "AGENT", "answer", at: B, uid: "a1", active: "8001", from: "dialout"),
            e(2, "CALLEE", "answer", at: B + 10, uid: "k1", cid: "0139", from: "dialout"),
            e(3, "CALLEE", "onhold", at: B + 25, uid: "k1", cid: "0139", from: "dialout"),
            // A second onhold while held changes nothing.
            e(4, "CALLEE", "onhold", at: B + 30, uid: "k1", cid: "0139", from: "dialout"),
            e(5, "AGENT", "hangup", at: B + 40, uid: "a1", active: "8001", from: "dialout"),
            e(6, "CONVERSATION", "hangup", at: B + 45, uid: "0", from: "dialout"),
        ]
        let r = try #require(CallAssembler.assemble(sessionid: "s", events: events))
        // Callee connected [10,45] (no hangup: call end), held [25,45).
        #expect(r.parties[1].hangupEpoch == nil)
        #expect(r.parties[1].answerSeconds == 35)
        #expect(r.parties[1].holdSeconds == 20)
        #expect(r.holdSeconds == 20)
        // Talking together [10,25).
        #expect(r.talkSeconds == 15)
        #expect(r.parties.map(\.talkSeconds) == [15, 15])
    }

    @Test func aPartyNeverAnsweredHasNoHold() throws {
        let events = [
            e(1, "AGENT", "ringing", at: B, uid: "a1", active: "8001", from: "dialout"),
            e(2, "AGENT", "onhold", at: B + 3, uid: "a1", active: "8001", from: "dialout"),
            e(3, "AGENT", "hangup", at: B + 9, uid: "a1", active: "8001", from: "dialout"),
        ]
        let r = try #require(CallAssembler.assemble(sessionid: "s", events: events))
        #expect(r.parties[0].holdSeconds == 0)
        #expect(r.holdSeconds == 0)
    }
}
