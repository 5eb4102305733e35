import Testing
@testable import CallAssembly

@Suite("The session: duplicates, order, completeness, ignored events")
struct SessionTests {
    @Test func noEventsOrOnlyDuplicatesGiveNoRecord() {
        #expect(CallAssembler.assemble(sessionid: "s", events: []) == nil)
        let onlyCopies = [e(1, "CALLER", "incoming", at: B, uid: "c1", duplicate: true)]
        #expect(CallAssembler.assemble(sessionid: "s", events: onlyCopies) == nil)
    }

    @Test func duplicatesAreIgnoredEntirely() {
        var copies = VendorFlows.dialIn
        // A re-read file: the untimed incoming got another estimate, so its copy would move the
        // start if it counted.
        var incoming = copies[0]
        incoming.rawID = 7
        incoming.epoch = VendorFlows.dialInStart - 30
        incoming.isDuplicate = true
        var answer = copies[2]
        answer.rawID = 8
        answer.isDuplicate = true
        var conversation = copies[5]
        conversation.rawID = 9
        conversation.isDuplicate = true
        copies += [incoming, answer, conversation]
        #expect(CallAssembler.assemble(sessionid: VendorFlows.dialInSession, events: copies) == VendorFlows.dialInRecord)
    }

    @Test func theArrayOrderNeverMatters() {
        for order in allPermutations(of: VendorFlows.dialIn.count) {
            let events = order.map { VendorFlows.dialIn[$0] }
            #expect(CallAssembler.assemble(sessionid: VendorFlows.dialInSession, events: events) == VendorFlows.dialInRecord)
        }
        for order in allPermutations(of: VendorFlows.dialOut.count) {
            let events = order.map { VendorFlows.dialOut[$0] }
            #expect(CallAssembler.assemble(sessionid: VendorFlows.dialOutSession, events: events) == VendorFlows.dialOutRecord)
        }
    }

    /// Events arriving in another order get other rawIDs; where no two events of one second
    /// compete, the record stays the same.
    @Test(arguments: permutations(of: HoldTests.events.count))
    func outOfOrderArrivalGivesTheSameRecord(order: [Int]) {
        let baseline = CallAssembler.assemble(sessionid: "hold", events: HoldTests.events)
        #expect(baseline != nil)
        #expect(CallAssembler.assemble(sessionid: "hold", events: arriving(HoldTests.events, in: order)) == baseline)
    }

    /// With eventids on every event, even events of one second keep their order whatever the
    /// arrival.
    @Test(arguments: permutations(of: VendorFlows.dialOut.count))
    func withEventidsArrivalOrderNeverMatters(order: [Int]) {
        let numbered = VendorFlows.dialOut.enumerated().map { index, event in
            var event = event
            event.eventid = String(index + 1)
            return event
        }
        let record = CallAssembler.assemble(sessionid: VendorFlows.dialOutSession, events: arriving(numbered, in: order))
        #expect(record == VendorFlows.dialOutRecord)
    }

    /// Without eventids, arrival (rawID) breaks ties within a second.
    @Test func withoutEventidsRawIDBreaksTiesWithinASecond() throws {
        var events = VendorFlows.dialOut
        // The agent's hangup arrives before the callee's, both at 08:22:47.
        events[4].rawID = 6
        events[5].rawID = 5
        let r = try #require(CallAssembler.assemble(sessionid: VendorFlows.dialOutSession, events: events))
        #expect(r.hangupBy == "agent")
        // The callee ringing arriving first makes it party 1.
        events[2].rawID = 0
        let swapped = try #require(CallAssembler.assemble(sessionid: VendorFlows.dialOutSession, events: events))
        #expect(swapped.parties.map(\.role) == [.callee, .agent])
    }

    static let numbered = [
        e(1, "CALLEE", "ringing", at: B, uid: "k1", cid: "0139", from: "dialout", eventid: "10"),
        e(2, "AGENT", "ringing", at: B, uid: "a1", active: "8001", from: "dialout", eventid: "9"),
        e(3, "AGENT", "answer", at: B, uid: "a1", active: "8001", from: "dialout", eventid: "11"),
        // A smaller eventid does not move an event before earlier seconds: time comes first.
        e(4, "CALLEE", "answer", at: B + 5, uid: "k1", cid: "0139", from: "dialout", eventid: "2"),
        e(5, "AGENT", "hangup", at: B + 20, uid: "a1", active: "8001", from: "dialout", eventid: "15"),
        e(6, "CALLEE", "hangup", at: B + 20, uid: "k1", cid: "0139", from: "dialout", eventid: "14"),
        e(7, "CONVERSATION", "hangup", at: B + 20, uid: "0", from: "dialout", eventid: "16"),
    ]

    @Test func eventidsOrderEventsOfOneSecondNumerically() {
        // 9 < 10 < 11 numerically (as text "10" < "11" < "9" would put the callee first):
        // the agent rings first. At +20 eventid 14, the callee's hangup, precedes 15.
        let expected = CallRecord(
            sessionid: "eventids", direction: "dialout", disposition: .answered, complete: true,
            customerNumber: "0139", agentNumber: "8001", agentsRung: 1,
            did: nil, teamID: nil, groupID: nil, modeltype: nil, modelID: nil,
            startEpoch: B, answerEpoch: B + 5, endEpoch: B + 20,
            durationSeconds: 20, waitSeconds: 5, talkSeconds: 15, holdSeconds: 0,
            hangupBy: "customer", eventCount: 7,
            parties: [
                CallParty(party: 1, role: .agent, number: "8001", uniqueid: "a1", channel: nil,
                          ringEpoch: B, answerEpoch: B, hangupEpoch: B + 20,
                          ringSeconds: 0, answerSeconds: 20, talkSeconds: 15, holdSeconds: 0,
                          talkStartEpoch: B + 5, endEpoch: B + 20),
                CallParty(party: 2, role: .callee, number: "0139", uniqueid: "k1", channel: nil,
                          ringEpoch: B, answerEpoch: B + 5, hangupEpoch: B + 20,
                          ringSeconds: 5, answerSeconds: 15, talkSeconds: 15, holdSeconds: 0,
                          talkStartEpoch: B + 5, endEpoch: B + 20),
            ]
        )
        #expect(CallAssembler.assemble(sessionid: "eventids", events: Self.numbered) == expected)
    }

    @Test func oneEventWithoutEventidFallsBackToArrivalOrder() throws {
        var events = Self.numbered
        events[6].eventid = nil
        let r = try #require(CallAssembler.assemble(sessionid: "s", events: events))
        // rawID order: the callee's ringing (1) before the agent's (2); the agent's hangup (5)
        // before the callee's (6).
        #expect(r.parties.map(\.role) == [.callee, .agent])
        #expect(r.hangupBy == "agent")
        // A blank eventid is no eventid either.
        events[6].eventid = "  "
        let blank = try #require(CallAssembler.assemble(sessionid: "s", events: events))
        #expect(blank == r)
    }

    @Test func eventidComparison() throws {
        func id(_ text: String) throws -> EventID { try #require(EventID(text)) }
        #expect(try id("9") < id("10"))
        #expect(try id("99999999999999999999") < id("100000000000000000000"))
        #expect(try id("0") < id("1"))
        // The same number written two ways: equal as numbers, ordered by text so the order stays total.
        #expect(try id("007") != id("7"))
        #expect(try id("007") < id("7"))
        // Whole numbers before anything else, which compares as text.
        #expect(try id("10") < id("10a"))
        #expect(try id("9") < id("10a"))
        #expect(try id("a9") < id("b1"))
        #expect(try !(id("10a") < id("9")))
        #expect(EventID(nil) == nil)
    }

    /// The session has no CONVERSATION hangup yet (the stale sweep), then gets the rest.
    @Test func aStaleSessionThenCompleted() {
        var events = [
            e(1, "CALLER", "incoming", at: B, uid: "c1", cid: "013900000070", from: "dialin"),
            e(2, "AGENT", "ringing", at: B + 2, uid: "a1", active: "8001", from: "dialin"),
            e(3, "AGENT", "answer", at: B + 5, uid: "a1", active: "8001", from: "dialin"),
            e(4, "CALLER", "onhold", at: B + 30, uid: "c1", cid: "013900000070", from: "dialin"),
        ]
        let stale = CallRecord(
            sessionid: "stale", direction: "dialin", disposition: .answered, complete: false,
            customerNumber: "013900000070", agentNumber: "8001", agentsRung: 1,
            did: nil, teamID: nil, groupID: nil, modeltype: nil, modelID: nil,
            // The end is the latest event, the onhold at +30; the hold starting there is empty.
            startEpoch: B, answerEpoch: B + 5, endEpoch: B + 30,
            durationSeconds: 30, waitSeconds: 5, talkSeconds: 25, holdSeconds: 0,
            hangupBy: nil, eventCount: 4,
            parties: [
                CallParty(party: 1, role: .caller, number: "013900000070", uniqueid: "c1", channel: nil,
                          ringEpoch: B, answerEpoch: B + 5, hangupEpoch: nil,
                          ringSeconds: 5, answerSeconds: 25, talkSeconds: 25, holdSeconds: 0,
                          talkStartEpoch: B + 5, endEpoch: B + 30),
                CallParty(party: 2, role: .agent, number: "8001", uniqueid: "a1", channel: nil,
                          ringEpoch: B + 2, answerEpoch: B + 5, hangupEpoch: nil,
                          ringSeconds: 3, answerSeconds: 25, talkSeconds: 25, holdSeconds: 0,
                          talkStartEpoch: B + 5, endEpoch: B + 30),
            ]
        )
        #expect(CallAssembler.assemble(sessionid: "stale", events: events) == stale)

        events += [
            e(5, "CALLER", "resume", at: B + 40, uid: "c1", cid: "013900000070", from: "dialin"),
            e(6, "CALLER", "hangup", at: B + 65, uid: "c1", cid: "013900000070", from: "dialin"),
            e(7, "AGENT", "hangup", at: B + 66, uid: "a1", active: "8001", from: "dialin"),
            e(8, "CONVERSATION", "hangup", at: B + 67, uid: "0", from: "dialin"),
        ]
        let complete = CallRecord(
            sessionid: "stale", direction: "dialin", disposition: .answered, complete: true,
            customerNumber: "013900000070", agentNumber: "8001", agentsRung: 1,
            did: nil, teamID: nil, groupID: nil, modeltype: nil, modelID: nil,
            startEpoch: B, answerEpoch: B + 5, endEpoch: B + 67,
            // Caller talks [5,30) ∪ [40,65) = 50, held [30,40) = 10.
            durationSeconds: 67, waitSeconds: 5, talkSeconds: 50, holdSeconds: 10,
            hangupBy: "customer", eventCount: 8,
            parties: [
                CallParty(party: 1, role: .caller, number: "013900000070", uniqueid: "c1", channel: nil,
                          ringEpoch: B, answerEpoch: B + 5, hangupEpoch: B + 65,
                          ringSeconds: 5, answerSeconds: 60, talkSeconds: 50, holdSeconds: 10,
                          talkStartEpoch: B + 5, endEpoch: B + 65, holdIntervals: [B + 30..<B + 40]),
                CallParty(party: 2, role: .agent, number: "8001", uniqueid: "a1", channel: nil,
                          ringEpoch: B + 2, answerEpoch: B + 5, hangupEpoch: B + 66,
                          ringSeconds: 3, answerSeconds: 61, talkSeconds: 50, holdSeconds: 0,
                          talkStartEpoch: B + 5, endEpoch: B + 66),
            ]
        )
        #expect(CallAssembler.assemble(sessionid: "stale", events: events) == complete)
    }

    @Test func aSingleEvent() {
        let events = [e(1, "CALLER", "incoming", at: B, uid: "c1", cid: "0139", from: "dialin")]
        let expected = CallRecord(
            sessionid: "single", direction: "dialin", disposition: .abandoned, complete: false,
            customerNumber: "0139", agentNumber: nil, agentsRung: 0,
            did: nil, teamID: nil, groupID: nil, modeltype: nil, modelID: nil,
            startEpoch: B, answerEpoch: nil, endEpoch: B,
            durationSeconds: 0, waitSeconds: 0, talkSeconds: 0, holdSeconds: 0,
            hangupBy: nil, eventCount: 1,
            parties: [
                CallParty(party: 1, role: .caller, number: "0139", uniqueid: "c1", channel: nil,
                          ringEpoch: B, answerEpoch: nil, hangupEpoch: nil,
                          ringSeconds: 0, answerSeconds: nil, talkSeconds: 0, holdSeconds: 0),
            ]
        )
        #expect(CallAssembler.assemble(sessionid: "single", events: events) == expected)
    }

    @Test func onlyTheConversationHangup() {
        let events = [e(1, "CONVERSATION", "hangup", at: B, uid: "0", cid: "0139", from: "dialout")]
        let expected = CallRecord(
            sessionid: "bare", direction: "dialout", disposition: .agentNoAnswer, complete: true,
            customerNumber: "0139", agentNumber: nil, agentsRung: 0,
            did: nil, teamID: nil, groupID: nil, modeltype: nil, modelID: nil,
            startEpoch: B, answerEpoch: nil, endEpoch: B,
            durationSeconds: 0, waitSeconds: 0, talkSeconds: 0, holdSeconds: 0,
            hangupBy: nil, eventCount: 1, parties: []
        )
        #expect(CallAssembler.assemble(sessionid: "bare", events: events) == expected)
    }

    /// Events of unknown sources (agent-state-like) and unknown event names count in the event
    /// count and in the call's start and end, and nowhere else.
    @Test func unknownSourcesAndEventsAreIgnoredButCounted() {
        let t = VendorFlows.dialInStart
        var events = VendorFlows.dialIn
        events.append(SessionEvent(
            rawID: 7, source: nil, event: "paused", epoch: t - 10, calleridnum: "555",
            didnumber: "999", direction: "dialout", teamID: "77"
        ))
        events.append(SessionEvent(rawID: 8, source: "QUEUE", event: "ringing", epoch: t + 200, uniqueid: "q1"))
        events.append(SessionEvent(rawID: 9, source: "AGENT", event: "transfer", epoch: t + 1, uniqueid: "9999", activenum: "8888"))
        events.append(SessionEvent(rawID: 10, source: "CALLER", event: "dtmf", epoch: t + 2, uniqueid: "1555", calleridnum: "666"))

        var expected = VendorFlows.dialInRecord
        // Starts 10 s earlier at the paused event: duration 107 + 10, wait 3 + 10. The QUEUE event
        // after the CONVERSATION hangup does not move the end of a complete call.
        expected.startEpoch = t - 10
        expected.durationSeconds = 117
        expected.waitSeconds = 13
        expected.eventCount = 10
        #expect(CallAssembler.assemble(sessionid: VendorFlows.dialInSession, events: events) == expected)

        // Without the CONVERSATION hangup the latest event, the QUEUE one, is the end.
        events.remove(at: 5)
        let r = CallAssembler.assemble(sessionid: VendorFlows.dialInSession, events: events)
        #expect(r?.complete == false)
        #expect(r?.endEpoch == t + 200)
        #expect(r?.durationSeconds == 210)
        #expect(r?.eventCount == 9)
        #expect(r?.parties == expected.parties)
    }

    /// CONVERSATION is the call, not a party: its other events lend their fields but never
    /// answer the call.
    @Test func conversationEventsOtherThanHangup() throws {
        let events = [
            e(1, "CALLER", "incoming", at: B, uid: "c1", from: "dialin"),
            SessionEvent(rawID: 2, source: "CONVERSATION", event: "answer", epoch: B + 1, uniqueid: "0", teamID: "5"),
            e(3, "AGENT", "ringing", at: B + 2, uid: "a1", active: "8001", from: "dialin"),
            e(4, "CALLER", "hangup", at: B + 9, uid: "c1", from: "dialin"),
        ]
        let r = try #require(CallAssembler.assemble(sessionid: "s", events: events))
        #expect(r.parties.map(\.role) == [.caller, .agent])
        #expect(r.answerEpoch == nil)
        #expect(r.disposition == .abandoned)
        #expect(r.teamID == "5")
        #expect(!r.complete)
    }

    @Test func theFirstConversationHangupEndsTheCall() throws {
        let events = [
            e(1, "AGENT", "ringing", at: B, uid: "a1", active: "8001", from: "dialout", eventid: "1"),
            e(2, "CONVERSATION", "hangup", at: B + 10, uid: "0", from: "dialout", eventid: "2"),
            e(3, "CONVERSATION", "hangup", at: B + 12, uid: "0", from: "dialout", eventid: "3"),
        ]
        let r = try #require(CallAssembler.assemble(sessionid: "s", events: events))
        #expect(r.endEpoch == B + 10)
        #expect(r.durationSeconds == 10)
        #expect(r.eventCount == 3)
        // The agent's missing hangup ends at the call end.
        #expect(r.parties[0].ringSeconds == 10)
    }

    /// A hangup stamped before the answer (clocks of two servers disagree) never makes a
    /// negative duration.
    @Test func disorderedClocksClampToZero() throws {
        let events = [
            e(1, "AGENT", "answer", at: B, uid: "a1", active: "8001", from: "dialout"),
            e(2, "CALLEE", "ringing", at: B + 3, uid: "k1", cid: "0139", from: "dialout"),
            e(3, "CALLEE", "hangup", at: B + 8, uid: "k1", cid: "0139", from: "dialout"),
            e(4, "CALLEE", "answer", at: B + 10, uid: "k1", cid: "0139", from: "dialout"),
            e(5, "AGENT", "hangup", at: B + 20, uid: "a1", active: "8001", from: "dialout"),
        ]
        let r = try #require(CallAssembler.assemble(sessionid: "s", events: events))
        let callee = r.parties[1]
        #expect(callee.ringSeconds == 7)
        #expect(callee.answerSeconds == 0)
        #expect(callee.talkSeconds == 0)
        // Connected for the instant +10 only, which touches the agent's [0,20].
        #expect(r.answerEpoch == B + 10)
        #expect(r.talkSeconds == 0)
        #expect(r.parties[0].talkSeconds == 0)
    }

    @Test func callFieldsAreTheFirstNonEmptyInSessionOrder() throws {
        let events = [
            SessionEvent(rawID: 2, source: "AGENT", event: "ringing", epoch: B + 1, uniqueid: "a1",
                         didnumber: "800", direction: "dialin", teamID: "t2", groupID: "g2",
                         modeltype: "Campaign", modelID: "m2"),
            SessionEvent(rawID: 1, source: "CALLER", event: "incoming", epoch: B, uniqueid: "c1",
                         didnumber: " ", direction: "", teamID: nil, groupID: "g1"),
        ]
        let r = try #require(CallAssembler.assemble(sessionid: "s", events: events))
        #expect(r.did == "800")
        #expect(r.direction == "dialin")
        #expect(r.teamID == "t2")
        #expect(r.groupID == "g1")
        #expect(r.modeltype == "Campaign")
        #expect(r.modelID == "m2")
    }
}
