/// Dial-out calls: AGENT ringing -> AGENT answer -> CALLEE ringing -> CALLEE answer -> hangups.
/// One method is one kind of call: read it to see exactly what that call does.
extension CallGenerator {
    /// The dialler rings a free agent of the group (or waits for one) to place the call.
    func newDialOut(_ route: CallCentre.DialOutGroup, at arrival: Int64, kind: CallKind) -> (CallScript, Agent, CallScript.PartyID, ringAt: Int64) {
        let (agents, ringAt) = centre.freeAgents(of: route.group, count: 1, at: arrival, random: &random)
        var call = CallScript(kind: kind, header: header(.dialOut, did: "", group: route.group, campaign: route.campaign))
        let party = ringAgent(agents[0], in: &call, at: ringAt)
        return (call, agents[0], party, ringAt)
    }

    /// The agent answers their own phone (softphones often at once), then the dialler rings the
    /// customer. The vendor's dial-out AGENT answer carries `channel= `.
    func agentPicksUp(_ call: inout CallScript, _ party: CallScript.PartyID, rungAt ringAt: Int64) -> Int64 {
        let answerAt = ringAt + (random.chance(0.6) ? 0 : Int64(random.int(in: 1...4)))
        call.answer(party, at: answerAt, channel: " ")
        return answerAt
    }

    func ringCustomer(_ call: inout CallScript, at time: Int64) -> CallScript.PartyID {
        let customer = call.header.customer
        let (uniqueid, channel) = leg(customer, of: call)
        return call.ring(.callee, number: customer, uniqueid: uniqueid, channel: channel, at: time)
    }

    /// The customer answers; with `hold`, the agent puts them on hold once or twice.
    func dialOutAnswered(_ route: CallCentre.DialOutGroup, at arrival: Int64, hold: Bool) -> CallScript {
        var (call, agent, party, ringAt) = newDialOut(route, at: arrival, kind: hold ? .dialOutOnHold : .dialOutAnswered)
        let agentAt = agentPicksUp(&call, party, rungAt: ringAt)
        let callee = ringCustomer(&call, at: agentAt)
        let answerAt = agentAt + Int64(random.int(in: 3...25))
        var endAt = answerAt + talkTime()
        // The vendor's CALLEE answer names the agent in calleridnum.
        call.answer(callee, at: answerAt, calleridnum: agent.number)
        if hold {
            endAt = holdDuring(&call, party, from: answerAt, until: endAt)
        }
        wrapUp(&call, at: endAt, customer: callee, agentParty: party, agent: agent)
        return call
    }

    /// The customer's phone rings until the dialler gives up (or it is busy).
    func dialOutCustomerNoAnswer(_ route: CallCentre.DialOutGroup, at arrival: Int64) -> CallScript {
        var (call, agent, party, ringAt) = newDialOut(route, at: arrival, kind: .dialOutCustomerNoAnswer)
        let agentAt = agentPicksUp(&call, party, rungAt: ringAt)
        let callee = ringCustomer(&call, at: agentAt)
        let endAt = agentAt + Int64(random.chance(0.8) ? random.int(in: 15...45) : random.int(in: 1...4))
        call.hangUp(callee, at: endAt)
        call.hangUp(party, at: endAt)
        call.end(at: endAt)
        release(agent, from: party, of: &call, at: endAt)
        return call
    }

    /// The agent's phone rings and nobody picks it up: the customer is never dialled.
    func dialOutAgentNoAnswer(_ route: CallCentre.DialOutGroup, at arrival: Int64) -> CallScript {
        var (call, agent, party, ringAt) = newDialOut(route, at: arrival, kind: .dialOutAgentNoAnswer)
        let endAt = ringAt + Int64(random.int(in: 10...30))
        call.hangUp(party, at: endAt)
        call.end(at: endAt)
        release(agent, from: party, of: &call, at: endAt)
        return call
    }

    /// The agent answers but the customer's leg never comes up (bad number, trunk busy).
    func dialOutFailed(_ route: CallCentre.DialOutGroup, at arrival: Int64) -> CallScript {
        var (call, agent, party, ringAt) = newDialOut(route, at: arrival, kind: .dialOutFailed)
        let agentAt = agentPicksUp(&call, party, rungAt: ringAt)
        let endAt = agentAt + Int64(random.int(in: 1...6))
        call.hangUp(party, at: endAt)
        call.end(at: endAt)
        release(agent, from: party, of: &call, at: endAt)
        return call
    }
}
