/// Dial-in calls: CALLER incoming -> IVR and queue -> AGENT ringing -> AGENT answer -> hangups.
/// One method is one kind of call: read it to see exactly what that call does.
extension CallGenerator {
    /// Share of CALLER `incoming` events sent in the vendor's short form.
    static let shortIncomingShare = 0.75

    /// The caller dials the DID and waits in the IVR (2-60 s) before the queue offers the call.
    func ivrWait() -> Int64 { Int64(random.int(in: 2...60)) }

    func newDialIn(_ did: CallCentre.DID, at time: Int64, kind: CallKind) -> (CallScript, caller: CallScript.PartyID) {
        var call = CallScript(kind: kind, header: header(.dialIn, did: did.number, group: did.group, campaign: did.campaign))
        let customer = call.header.customer
        let (uniqueid, channel) = leg(customer, of: call)
        let caller = call.ring(.caller, number: customer, uniqueid: uniqueid, channel: channel, at: time,
                               shortIncoming: random.chance(Self.shortIncomingShare))
        return (call, caller)
    }

    /// One agent rings and answers; with `hold`, they put the caller on hold once or twice.
    func dialInAnswered(_ did: CallCentre.DID, at arrival: Int64, hold: Bool) -> CallScript {
        var (call, caller) = newDialIn(did, at: arrival, kind: hold ? .dialInOnHold : .dialInAnswered)
        let (agents, ringAt) = centre.freeAgents(of: did.group, count: 1, at: arrival + ivrWait(), random: &random)
        let agent = ringAgent(agents[0], in: &call, at: ringAt)
        let answerAt = ringAt + ringTime()
        var endAt = answerAt + talkTime()
        call.answer(agent, at: answerAt)
        call.bridge(caller, at: answerAt)
        if hold {
            endAt = holdDuring(&call, agent, from: answerAt, until: endAt)
        }
        wrapUp(&call, at: endAt, customer: caller, agentParty: agent, agent: agents[0])
        return call
    }

    /// The caller hangs up before anyone answers: in the queue, or while an agent rings.
    func dialInAbandoned(_ did: CallCentre.DID, at arrival: Int64) -> CallScript {
        var (call, caller) = newDialIn(did, at: arrival, kind: .dialInAbandoned)
        let goneAt = arrival + Int64(random.int(in: 5...90))
        let (agents, ringAt) = centre.freeAgents(of: did.group, count: 1, at: arrival + ivrWait(), random: &random)
        if ringAt < goneAt, random.chance(0.5) {
            let agent = ringAgent(agents[0], in: &call, at: ringAt)
            call.hangUp(caller, at: goneAt)
            call.hangUp(agent, at: goneAt)
            release(agents[0], from: agent, of: &call, at: goneAt)
        } else {
            call.hangUp(caller, at: goneAt)
        }
        call.end(at: goneAt)
        return call
    }

    /// Two agents ring at once; the first to answer takes the call, the other stops ringing.
    func dialInRingAll(_ did: CallCentre.DID, at arrival: Int64) -> CallScript {
        var (call, caller) = newDialIn(did, at: arrival, kind: .dialInRingAll)
        let (agents, ringAt) = centre.freeAgents(of: did.group, count: 2, at: arrival + ivrWait(), random: &random)
        let winner = random.int(in: 0...1), loser = 1 - winner
        let parties = agents.map { ringAgent($0, in: &call, at: ringAt) }
        call.agentNumber = agents[winner].number
        let answerAt = ringAt + ringTime()
        let endAt = answerAt + talkTime()
        call.answer(parties[winner], at: answerAt)
        call.bridge(caller, at: answerAt)
        call.hangUp(parties[loser], at: answerAt)
        release(agents[loser], from: parties[loser], of: &call, at: answerAt)
        wrapUp(&call, at: endAt, customer: caller, agentParty: parties[winner], agent: agents[winner])
        return call
    }

    /// The first agent lets it ring out (20 s); the queue then rings a second agent, who answers.
    func dialInRingNoAnswerThenNext(_ did: CallCentre.DID, at arrival: Int64) -> CallScript {
        var (call, caller) = newDialIn(did, at: arrival, kind: .dialInRingNoAnswerThenNext)
        let (firsts, ringAt) = centre.freeAgents(of: did.group, count: 1, at: arrival + ivrWait(), random: &random)
        let first = ringAgent(firsts[0], in: &call, at: ringAt)
        let timeoutAt = ringAt + 20
        call.hangUp(first, at: timeoutAt)
        release(firsts[0], from: first, of: &call, at: timeoutAt)
        let (seconds, secondRingAt) = centre.freeAgents(
            of: did.group, count: 1, at: timeoutAt + Int64(random.int(in: 1...5)), excluding: firsts[0], random: &random)
        let second = ringAgent(seconds[0], in: &call, at: secondRingAt)
        let answerAt = secondRingAt + ringTime()
        let endAt = answerAt + talkTime()
        call.answer(second, at: answerAt)
        call.bridge(caller, at: answerAt)
        wrapUp(&call, at: endAt, customer: caller, agentParty: second, agent: seconds[0])
        return call
    }

    /// The agent consults a supervisor (free then, or as soon as one is), who rings, answers and
    /// joins the call; then either the supervisor leaves, or the agent leaves them with the caller
    /// (a transfer).
    func dialInWithConsult(_ did: CallCentre.DID, at arrival: Int64) -> CallScript {
        var (call, caller) = newDialIn(did, at: arrival, kind: .dialInWithConsult)
        let (agents, ringAt) = centre.freeAgents(of: did.group, count: 1, at: arrival + ivrWait(), random: &random)
        let agent = ringAgent(agents[0], in: &call, at: ringAt)
        let answerAt = ringAt + ringTime()
        call.answer(agent, at: answerAt)
        call.bridge(caller, at: answerAt)
        let (supervisor, consultAt) = centre.freeSupervisor(at: answerAt + Int64(random.int(in: 20...180)), random: &random)
        let (uniqueid, channel) = leg(supervisor.number, of: call)
        let consult = call.ring(.consult, number: supervisor.number, uniqueid: uniqueid, channel: channel, at: consultAt)
        let consultAnswerAt = consultAt + Int64(random.int(in: 3...15))
        let joinAt = consultAnswerAt + Int64(random.int(in: 10...60))
        call.answer(consult, at: consultAnswerAt)
        call.join(consult, at: joinAt)
        var endAt = joinAt + Int64(random.int(in: 30...300))
        if random.chance(0.5) {
            let leaveAt = joinAt + Int64(random.int(in: 10...Int(endAt - joinAt)))
            call.hangUp(consult, at: leaveAt)
            supervisor.freeAt = leaveAt + 1
            wrapUp(&call, at: endAt, customer: caller, agentParty: agent, agent: agents[0])
        } else {
            let agentLeavesAt = joinAt + Int64(random.int(in: 5...30))
            call.hangUp(agent, at: agentLeavesAt)
            release(agents[0], from: agent, of: &call, at: agentLeavesAt)
            endAt = max(endAt, agentLeavesAt + 10)
            if random.chance(0.7) {
                call.hangUp(caller, at: endAt)
                call.hangUp(consult, at: endAt)
            } else {
                call.hangUp(consult, at: endAt)
                call.hangUp(caller, at: endAt)
            }
            call.end(at: endAt)
            supervisor.freeAt = endAt + 1
        }
        return call
    }
}
