import Foundation
@testable import CallSimulation
import Testing

/// The expected record worked out from hand-played timelines, against SPEC 3's numbers.
struct ExpectedCallTests {
    @Test func theVendorsDialOutGivesSpecsNumbers() {
        let call = ExpectedCall(VendorFlows.dialOut)
        #expect(call.disposition == "answered")
        #expect(call.start == 1_262_305_321)
        #expect(call.answer == at("2010-01-01 08:22:09"))
        #expect(call.end == at("2010-01-01 08:22:47"))
        #expect([call.durationSeconds, call.waitSeconds, call.talkSeconds, call.holdSeconds] == [46, 8, 38, 0])
        #expect(call.hangupBy == "customer")
        #expect(call.agentNumber == "041139735857")
        #expect(call.customerNumber == "0138888888888")
        #expect(call.teamID == "20" && call.groupID == "100" && call.did == nil)
        #expect(call.eventCount == 7)
        #expect(call.parties.map(\.role) == ["AGENT", "CALLEE"])
        #expect(call.parties.map(\.number) == ["041139735857", "0138888888888"])
        #expect(call.parties.map(\.ringSeconds) == [0, 8])
        #expect(call.parties.map(\.answerSeconds) == [46, 38])
        #expect(call.parties.map(\.talkSeconds) == [38, 38])
    }

    @Test func theVendorsDialInGivesSpecsNumbers() {
        let call = ExpectedCall(VendorFlows.dialIn)
        #expect(call.disposition == "answered")
        #expect(call.start == at("2010-01-01 11:11:07"))
        #expect(call.answer == at("2010-01-01 11:11:10"))
        #expect(call.end == at("2010-01-01 11:12:54"))
        #expect([call.durationSeconds, call.waitSeconds, call.talkSeconds] == [107, 3, 104])
        #expect(call.hangupBy == "customer")
        #expect(call.did == "800888" && call.teamID == "3")
        #expect(call.parties.map(\.role) == ["CALLER", "AGENT"])
        #expect(call.parties.map(\.ringSeconds) == [3, 3])
        #expect(call.parties.map(\.answerSeconds) == [104, 104])
        #expect(call.parties.map(\.talkSeconds) == [104, 104])
    }

    /// Two holds: the agent does not talk while holding, so neither does the call; the
    /// customer's own talk needs someone talking with it.
    @Test func holdsAreTakenOutOfTalk() {
        var call = handBuilt(.dialOut, kind: .dialOutOnHold)
        let agent = call.ring(.agent, number: "041139735871", uniqueid: "1", channel: "Local/041139735871@x;1", at: base)
        call.answer(agent, at: base)
        let callee = call.ring(.callee, number: "013900000000", uniqueid: "2", channel: "Local/013900000000@x;1", at: base)
        call.answer(callee, at: base + 10)
        call.hold(agent, from: base + 40, to: base + 70)
        call.hold(agent, from: base + 100, to: base + 110)
        call.hangUp(agent, at: base + 200)
        call.hangUp(callee, at: base + 201)
        call.end(at: base + 201)
        let expected = ExpectedCall(call)
        #expect(expected.holdSeconds == 40)
        #expect(expected.talkSeconds == 190 - 40)
        #expect(expected.hangupBy == "agent")
        #expect(expected.parties.map(\.holdSeconds) == [40, 0])
        #expect(expected.parties.map(\.talkSeconds) == [150, 150])
        #expect(expected.parties.map(\.answerSeconds) == [200, 191])
        #expect(expected.eventCount == 11)
    }

    /// The supervisor rings while the agent talks, joins, and stays with the caller when the
    /// agent leaves: the agent hung up first of those who talked with the caller.
    @Test func aTransferEndsWithTheConsultAndTheAgentHungUpFirst() {
        var call = handBuilt(.dialIn, kind: .dialInWithConsult)
        let caller = call.ring(.caller, number: "013900000000", uniqueid: "1", channel: "Local/013900000000@x;1", at: base)
        let agent = call.ring(.agent, number: "041139735850", uniqueid: "2", channel: "Local/041139735850@x;1", at: base + 20)
        call.answer(agent, at: base + 25)
        call.bridge(caller, at: base + 25)
        let consult = call.ring(.consult, number: "041139735890", uniqueid: "3", channel: "Local/041139735890@x;1", at: base + 100)
        call.answer(consult, at: base + 110)
        call.join(consult, at: base + 130)
        call.hangUp(agent, at: base + 150)
        call.hangUp(caller, at: base + 300)
        call.hangUp(consult, at: base + 300)
        call.end(at: base + 300)
        let expected = ExpectedCall(call)
        #expect(expected.answer == base + 25)
        #expect(expected.waitSeconds == 25)
        #expect(expected.talkSeconds == 275)
        #expect(expected.agentNumber == "041139735850")
        #expect(expected.hangupBy == "agent")
        #expect(expected.agentsRung == 1)
        #expect(expected.parties.map(\.role) == ["CALLER", "AGENT", "CONSULT"])
        // The supervisor talks with the agent from its answer, before it joins the caller.
        #expect(expected.parties.map(\.talkSeconds) == [275, 125, 190])
    }

    /// The first agent rings out; the second answers: two agents rung, the second handled it.
    @Test func ringNoAnswerThenNextCountsBothAgents() {
        var call = handBuilt(.dialIn, kind: .dialInRingNoAnswerThenNext)
        let caller = call.ring(.caller, number: "013900000000", uniqueid: "1", channel: "Local/013900000000@x;1", at: base)
        let first = call.ring(.agent, number: "041139735851", uniqueid: "2", channel: "Local/041139735851@x;1", at: base + 10)
        call.hangUp(first, at: base + 30)
        let second = call.ring(.agent, number: "041139735852", uniqueid: "3", channel: "Local/041139735852@x;1", at: base + 33)
        call.answer(second, at: base + 40)
        call.bridge(caller, at: base + 40)
        call.hangUp(second, at: base + 100)
        call.hangUp(caller, at: base + 100)
        call.end(at: base + 100)
        let expected = ExpectedCall(call)
        #expect(expected.agentsRung == 2)
        #expect(expected.agentNumber == "041139735852")
        #expect(expected.waitSeconds == 40)
        #expect(expected.hangupBy == "agent")
        #expect(expected.parties[1].answer == nil && expected.parties[1].answerSeconds == nil)
        #expect(expected.parties[1].ringSeconds == 20)
        #expect(expected.parties[1].talkSeconds == 0)
    }

    /// Nobody on the other side was ever connected: the first hangup of all says who ended it.
    @Test func unansweredCallsTakeTheirDispositionAndFirstHangup() {
        var abandoned = handBuilt(.dialIn, kind: .dialInAbandoned)
        let caller = abandoned.ring(.caller, number: "013900000000", uniqueid: "1", channel: "c", at: base)
        let ringing = abandoned.ring(.agent, number: "041139735851", uniqueid: "2", channel: "a", at: base + 10)
        abandoned.hangUp(caller, at: base + 30)
        abandoned.hangUp(ringing, at: base + 30)
        abandoned.end(at: base + 30)
        let gone = ExpectedCall(abandoned)
        #expect(gone.disposition == "abandoned" && gone.hangupBy == "customer" && gone.agentNumber == nil)
        #expect(gone.waitSeconds == 30 && gone.talkSeconds == 0)

        var noAnswer = handBuilt(.dialOut, kind: .dialOutCustomerNoAnswer)
        let agent = noAnswer.ring(.agent, number: "041139735871", uniqueid: "1", channel: "a", at: base)
        noAnswer.answer(agent, at: base)
        let callee = noAnswer.ring(.callee, number: "013900000000", uniqueid: "2", channel: "c", at: base)
        noAnswer.hangUp(agent, at: base + 30)
        noAnswer.hangUp(callee, at: base + 30)
        noAnswer.end(at: base + 30)
        #expect(ExpectedCall(noAnswer).disposition == "no_answer")
        #expect(ExpectedCall(noAnswer).hangupBy == "agent")

        var failed = handBuilt(.dialOut, kind: .dialOutFailed)
        let picked = failed.ring(.agent, number: "041139735871", uniqueid: "1", channel: "a", at: base)
        failed.answer(picked, at: base + 2)
        failed.hangUp(picked, at: base + 5)
        failed.end(at: base + 5)
        #expect(ExpectedCall(failed).disposition == "failed")
        #expect(ExpectedCall(failed).customerNumber == "013900000000")

        var agentNoAnswer = handBuilt(.dialOut, kind: .dialOutAgentNoAnswer)
        let rung = agentNoAnswer.ring(.agent, number: "041139735871", uniqueid: "1", channel: "a", at: base)
        agentNoAnswer.hangUp(rung, at: base + 20)
        agentNoAnswer.end(at: base + 20)
        #expect(ExpectedCall(agentNoAnswer).disposition == "agent_no_answer")
        #expect(ExpectedCall(agentNoAnswer).parties[0].ringSeconds == 20)
    }

    @Test func theTruthLineHasEveryColumnInTheZone() throws {
        let line = ExpectedCall(VendorFlows.dialOut).jsonLine(clock: shanghaiClock)
        #expect(line.last == UInt8(ascii: "\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        #expect(Set(object.keys) == [
            "sessionid", "direction", "disposition", "complete", "customer_number", "agent_number", "agent", "agents_rung",
            "did", "team_id", "group_id", "modeltype", "model_id", "start_time", "start_epoch", "answer_time", "answer_epoch",
            "end_time", "end_epoch", "duration_seconds", "wait_seconds", "talk_seconds", "hold_seconds", "acw_seconds",
            "hangup_by", "event_count", "parties",
        ])
        // The vendor's events carry no agentno: the agent is known by its number.
        #expect(object["agent"] as? String == "041139735857")
        #expect(object["acw_seconds"] as? Int == 0)
        #expect(object["start_time"] as? String == "2010-01-01 08:22:01")
        #expect(object["start_epoch"] as? Int == 1_262_305_321)
        #expect(object["did"] is NSNull)
        #expect(object["complete"] as? Int == 1)
        let parties = try #require(object["parties"] as? [[String: Any]])
        #expect(Set(parties[0].keys) == [
            "party", "role", "number", "agentno", "agent", "uniqueid", "channel", "ring_time", "ring_epoch", "answer_time",
            "answer_epoch", "hangup_time", "hangup_epoch", "ring_seconds", "answer_seconds", "talk_seconds", "hold_seconds",
            "acw_seconds",
        ])
        #expect(parties[0]["agentno"] is NSNull && parties[0]["agent"] as? String == "041139735857")
        #expect(parties[1]["agentno"] is NSNull && parties[1]["agent"] is NSNull)
        #expect(parties[1]["answer_time"] as? String == "2010-01-01 08:22:09")
        #expect(parties[1]["uniqueid"] as? String == "19867")
    }
}
