import Testing
@testable import CallAssembly

@Suite("Parties: identity, numbers, connection")
struct PartyTests {
    /// asterCC sends uniqueid 0 (or nothing): parties are told apart by their own numbers.
    @Test func identityByNumberWhenUniqueidIsZeroOrEmpty() {
        let channel = "Local/013900000040@hosted-dialout-9;1"
        let events = [
            e(1, "AGENT", "ringing", at: B, uid: "0", active: "8001", from: "dialout"),
            e(2, "AGENT", "ringing", at: B, uid: "0", active: "8002", from: "dialout"),
            e(3, "AGENT", "answer", at: B + 2, uid: "0", active: "8002", from: "dialout"),
            e(4, "AGENT", "hangup", at: B + 2, uid: "", active: "8001", from: "dialout"),
            e(5, "CALLEE", "ringing", at: B + 3, uid: "0", cid: "013900000040", channel: channel, from: "dialout"),
            // No calleridnum: the number in its channel name keys it to the same party.
            e(6, "CALLEE", "answer", at: B + 8, uid: nil, channel: channel, from: "dialout"),
            e(7, "CALLEE", "hangup", at: B + 20, uid: "0", cid: "013900000040", from: "dialout"),
            e(8, "AGENT", "hangup", at: B + 21, uid: "0", active: "8002", from: "dialout"),
            e(9, "CONVERSATION", "hangup", at: B + 21, uid: "0", from: "dialout"),
        ]
        let expected = CallRecord(
            sessionid: "by-number", direction: "dialout", disposition: .answered, complete: true,
            customerNumber: "013900000040", agentNumber: "8002", agentsRung: 2,
            did: nil, teamID: nil, groupID: nil, modeltype: nil, modelID: nil,
            startEpoch: B, answerEpoch: B + 8, endEpoch: B + 21,
            durationSeconds: 21, waitSeconds: 8, talkSeconds: 12, holdSeconds: 0,
            hangupBy: "customer", eventCount: 9,
            parties: [
                CallParty(party: 1, role: .agent, number: "8001", uniqueid: nil, channel: nil,
                          ringEpoch: B, answerEpoch: nil, hangupEpoch: B + 2,
                          ringSeconds: 2, answerSeconds: nil, talkSeconds: 0, holdSeconds: 0),
                CallParty(party: 2, role: .agent, number: "8002", uniqueid: nil, channel: nil,
                          ringEpoch: B, answerEpoch: B + 2, hangupEpoch: B + 21,
                          ringSeconds: 2, answerSeconds: 19, talkSeconds: 12, holdSeconds: 0,
                          talkStartEpoch: B + 8, endEpoch: B + 21),
                CallParty(party: 3, role: .callee, number: "013900000040", uniqueid: nil, channel: channel,
                          ringEpoch: B + 3, answerEpoch: B + 8, hangupEpoch: B + 20,
                          ringSeconds: 5, answerSeconds: 12, talkSeconds: 12, holdSeconds: 0,
                          talkStartEpoch: B + 8, endEpoch: B + 20),
            ]
        )
        #expect(CallAssembler.assemble(sessionid: "by-number", events: events) == expected)
    }

    /// Dial-in where the only agent answered before the customer's leg rang (clock skew, or a
    /// leg created late): that answer did not bridge it, so the call was never answered.
    @Test func anAgentAnswerBeforeTheCallerRangDoesNotConnectIt() {
        let events = [
            e(1, "AGENT", "ringing", at: B, uid: "a1", active: "8001", from: "dialin"),
            e(2, "AGENT", "answer", at: B + 2, uid: "a1", active: "8001", from: "dialin"),
            e(3, "CALLER", "incoming", at: B + 5, uid: "c1", cid: "013900000050", from: "dialin"),
            e(4, "CALLER", "hangup", at: B + 30, uid: "c1", cid: "013900000050", from: "dialin"),
            e(5, "AGENT", "hangup", at: B + 31, uid: "a1", active: "8001", from: "dialin"),
            e(6, "CONVERSATION", "hangup", at: B + 31, uid: "0", from: "dialin"),
        ]
        let expected = CallRecord(
            sessionid: "early-agent", direction: "dialin", disposition: .abandoned, complete: true,
            customerNumber: "013900000050", agentNumber: nil, agentsRung: 1,
            did: nil, teamID: nil, groupID: nil, modeltype: nil, modelID: nil,
            startEpoch: B, answerEpoch: nil, endEpoch: B + 31,
            durationSeconds: 31, waitSeconds: 31, talkSeconds: 0, holdSeconds: 0,
            // No pair across sides: the first of all to hang up is the caller (+30).
            hangupBy: "customer", eventCount: 6,
            parties: [
                CallParty(party: 1, role: .agent, number: "8001", uniqueid: "a1", channel: nil,
                          ringEpoch: B, answerEpoch: B + 2, hangupEpoch: B + 31,
                          ringSeconds: 2, answerSeconds: 29, talkSeconds: 0, holdSeconds: 0),
                CallParty(party: 2, role: .caller, number: "013900000050", uniqueid: "c1", channel: nil,
                          ringEpoch: B + 5, answerEpoch: nil, hangupEpoch: B + 30,
                          ringSeconds: 25, answerSeconds: nil, talkSeconds: 0, holdSeconds: 0),
            ]
        )
        #expect(CallAssembler.assemble(sessionid: "early-agent", events: events) == expected)
    }

    @Test func aLaterAgentAnswerStillBridgesTheCaller() throws {
        let events = [
            e(1, "AGENT", "answer", at: B + 2, uid: "a1", active: "8001", from: "dialin"),
            e(2, "CALLER", "incoming", at: B + 5, uid: "c1", from: "dialin"),
            e(3, "AGENT", "answer", at: B + 9, uid: "a2", active: "8002", from: "dialin"),
            e(4, "CALLER", "hangup", at: B + 30, uid: "c1", from: "dialin"),
        ]
        let r = try #require(CallAssembler.assemble(sessionid: "s", events: events))
        // a1's answer (+2) is before the ring; a2's (+9) is the first at or after it.
        #expect(r.parties[1].answerEpoch == B + 9)
        // a1 is connected [2,30] (no hangup: the call end) and touches the caller at +9 too, but
        // it is the earlier party in the tie.
        #expect(r.answerEpoch == B + 9)
        #expect(r.agentNumber == "8001")
    }

    @Test func anAgentAnswerAfterTheCallerHungUpDoesNotConnectIt() throws {
        let events = [
            e(1, "CALLER", "incoming", at: B, uid: "c1", from: "dialin"),
            e(2, "CALLER", "hangup", at: B + 10, uid: "c1", from: "dialin"),
            e(3, "AGENT", "answer", at: B + 11, uid: "a1", active: "8001", from: "dialin"),
            e(4, "AGENT", "hangup", at: B + 12, uid: "a1", active: "8001", from: "dialin"),
        ]
        let r = try #require(CallAssembler.assemble(sessionid: "s", events: events))
        #expect(r.parties[0].answerEpoch == nil)
        #expect(r.disposition == .abandoned)
        #expect(r.waitSeconds == 12)
    }

    /// Answer at the very second the caller hangs up: connected for an instant (closed intervals,
    /// touching counts), so answered, with no talk.
    @Test func anAgentAnswerAtTheCallersHangupConnectsForAnInstant() throws {
        let events = [
            e(1, "CALLER", "incoming", at: B, uid: "c1", from: "dialin"),
            e(2, "AGENT", "answer", at: B + 10, uid: "a1", active: "8001", from: "dialin"),
            e(3, "CALLER", "hangup", at: B + 10, uid: "c1", from: "dialin"),
            e(4, "AGENT", "hangup", at: B + 12, uid: "a1", active: "8001", from: "dialin"),
        ]
        let r = try #require(CallAssembler.assemble(sessionid: "s", events: events))
        #expect(r.parties[0].answerEpoch == B + 10)
        #expect(r.parties[0].answerSeconds == 0)
        #expect(r.disposition == .answered)
        #expect(r.answerEpoch == B + 10)
        #expect(r.waitSeconds == 10)
        #expect(r.talkSeconds == 0)
        #expect(r.agentNumber == "8001")
        #expect(r.hangupBy == "customer")
    }

    /// The CONVERSATION hangup comes; the callee's own hangup never does.
    @Test func aPartyWithoutHangupEndsAtTheCallEnd() {
        let events = [
            e(1, "AGENT", "ringing", at: B, uid: "a1", active: "8001", from: "dialout"),
            e(2, "AGENT", "answer", at: B + 1, uid: "a1", active: "8001", from: "dialout"),
            e(3, "CALLEE", "ringing", at: B + 2, uid: "k1", cid: "013900000060", from: "dialout"),
            e(4, "CALLEE", "answer", at: B + 12, uid: "k1", cid: "013900000060", from: "dialout"),
            e(5, "AGENT", "hangup", at: B + 70, uid: "a1", active: "8001", from: "dialout"),
            e(6, "CONVERSATION", "hangup", at: B + 72, uid: "0", from: "dialout"),
        ]
        let expected = CallRecord(
            sessionid: "no-hangup", direction: "dialout", disposition: .answered, complete: true,
            customerNumber: "013900000060", agentNumber: "8001", agentsRung: 1,
            did: nil, teamID: nil, groupID: nil, modeltype: nil, modelID: nil,
            startEpoch: B, answerEpoch: B + 12, endEpoch: B + 72,
            // Agent [1,70), callee [12,72): together 58.
            durationSeconds: 72, waitSeconds: 12, talkSeconds: 58, holdSeconds: 0,
            // The only hangup among the connected pair is the agent's.
            hangupBy: "agent", eventCount: 6,
            parties: [
                CallParty(party: 1, role: .agent, number: "8001", uniqueid: "a1", channel: nil,
                          ringEpoch: B, answerEpoch: B + 1, hangupEpoch: B + 70,
                          ringSeconds: 1, answerSeconds: 69, talkSeconds: 58, holdSeconds: 0,
                          talkStartEpoch: B + 12, endEpoch: B + 70),
                CallParty(party: 2, role: .callee, number: "013900000060", uniqueid: "k1", channel: nil,
                          ringEpoch: B + 2, answerEpoch: B + 12, hangupEpoch: nil,
                          ringSeconds: 10, answerSeconds: 60, talkSeconds: 58, holdSeconds: 0,
                          talkStartEpoch: B + 12, endEpoch: B + 72),
            ]
        )
        #expect(CallAssembler.assemble(sessionid: "no-hangup", events: events) == expected)
    }

    @Test func aPartyThatNeverRangOrAnsweredRingsFromItsFirstEvent() throws {
        let events = [
            e(1, "AGENT", "answer", at: B, uid: "a1", active: "8001", from: "dialout"),
            e(2, "CALLEE", "onhold", at: B + 4, uid: "k1", cid: "0139", from: "dialout"),
            e(3, "CALLEE", "hangup", at: B + 9, uid: "k1", cid: "0139", from: "dialout"),
        ]
        let r = try #require(CallAssembler.assemble(sessionid: "s", events: events))
        #expect(r.parties[1].ringEpoch == B + 4)
        // Never answered: ring runs to its hangup.
        #expect(r.parties[1].ringSeconds == 5)
        #expect(r.parties[1].answerEpoch == nil)
        #expect(r.disposition == .noAnswer)
    }

    @Test func joinWithoutAnswerConnectsAndAnswerBeatsALaterOrEarlierJoin() throws {
        let events = [
            e(1, "AGENT", "join", at: B, uid: "a1", active: "8001"),
            e(2, "AGENT", "answer", at: B + 3, uid: "a1", active: "8001"),
            e(3, "CALLEE", "ringing", at: B + 1, uid: "k1", cid: "0139"),
            e(4, "CALLEE", "join", at: B + 6, uid: "k1", cid: "0139"),
        ]
        let r = try #require(CallAssembler.assemble(sessionid: "s", events: events))
        #expect(r.parties.map(\.answerEpoch) == [B + 3, B + 6])
        // The agent rings from its first event, the join at +0, until its answer at +3.
        #expect(r.parties.map(\.ringSeconds) == [3, 5])
    }

    @Test func incomingCountsAsRingingAndTheFirstRingWins() throws {
        let events = [
            e(1, "CALLER", "join", at: B, uid: "c1"),
            e(2, "CALLER", "incoming", at: B + 2, uid: "c1"),
            e(3, "CALLER", "ringing", at: B + 4, uid: "c1"),
        ]
        let r = try #require(CallAssembler.assemble(sessionid: "s", events: events))
        #expect(r.parties[0].ringEpoch == B + 2)
    }

    @Test func customerNumberIsTheMostFrequentCalleridnumFirstOnATie() throws {
        let events = [
            e(1, "CALLEE", "ringing", at: B, uid: "k1", cid: "111", channel: "Local/999@ctx;1"),
            e(2, "CALLEE", "answer", at: B + 1, uid: "k1", cid: "222"),
            e(3, "CALLEE", "onhold", at: B + 2, uid: "k1", cid: "222"),
            e(4, "CALLEE", "resume", at: B + 3, uid: "k1", cid: "111"),
            e(5, "CALLEE", "hangup", at: B + 4, uid: "k1", cid: "   "),
            e(6, "CALLER", "incoming", at: B + 5, uid: "c1", cid: "333"),
            e(7, "CALLER", "hangup", at: B + 6, uid: "c1", cid: "444"),
        ]
        let r = try #require(CallAssembler.assemble(sessionid: "s", events: events))
        // 111 twice, 222 twice, blank ignored: the tie goes to 111, seen first.
        #expect(r.parties[0].number == "111")
        // 333 and 444 once each: 333 first.
        #expect(r.parties[1].number == "333")
        #expect(r.customerNumber == "111")
        #expect(r.parties[0].channel == "Local/999@ctx;1")
    }

    @Test func withoutCalleridnumTheNumberComesFromTheChannelName() throws {
        let events = [
            e(1, "CALLER", "incoming", at: B, uid: "c1", channel: "SIP/trunk-00000a1b"),
            e(2, "CALLER", "hangup", at: B + 1, uid: "c1", channel: "Local/0138888888888@hosted-dialin-701a;1"),
        ]
        let r = try #require(CallAssembler.assemble(sessionid: "s", events: events))
        // The first channel has no number; the second does.
        #expect(r.parties[0].number == "0138888888888")
        #expect(r.parties[0].channel == "SIP/trunk-00000a1b")
        #expect(r.customerNumber == "0138888888888")
    }

    @Test func agentNumberIsTheFirstNonEmptyActivenum() throws {
        let events = [
            e(1, "AGENT", "ringing", at: B, uid: "a1", cid: "0139", active: ""),
            e(2, "AGENT", "answer", at: B + 1, uid: "a1", cid: "0139", active: "8001"),
            e(3, "AGENT", "hangup", at: B + 2, uid: "a1", cid: "0139", active: "8009"),
        ]
        let r = try #require(CallAssembler.assemble(sessionid: "s", events: events))
        #expect(r.parties[0].number == "8001")
        // No customer party: the customer number is the first calleridnum.
        #expect(r.customerNumber == "0139")
    }

    @Test func channelNumberRules() {
        #expect(PartyIdentity.channelNumber("Local/0138888888888@hosted-dialin-701a;1") == "0138888888888")
        #expect(PartyIdentity.channelNumber("SIP/8001@pbx") == "8001")
        #expect(PartyIdentity.channelNumber("SIP/trunk-00000a1b") == nil)
        #expect(PartyIdentity.channelNumber("Local/@ctx") == nil)
        #expect(PartyIdentity.channelNumber("0138888888888") == nil)
    }
}
