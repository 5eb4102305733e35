/// Plays the centre's calls one after another: each call's kind and route, who takes it, and
/// every moment of it, and puts its events on the timeline. Agents go through their shift around
/// the calls (AgentShift.swift).
final class CallGenerator {
    var random: SeededRandom
    let centre: CallCentre
    let timeline: Timeline
    let sendsAgentState: Bool
    /// Where each agent's time goes, when the truth needs it (and the traffic has agent state).
    let timesheets: Timesheets?
    /// Agent-state events played and not yet on the timeline.
    var agentEvents: [AgentStateEvent] = []
    private let kinds: [CallKind]
    private let kindWeights: [Double]
    private var customers = CustomerNumbers()
    private var lastUniqueid = 20001
    /// When the next call arrives; no event of it, or of anything played later, is earlier.
    private(set) var nextArrival: Int64

    /// No caller waits more than this for an agent to come free: when the centre falls further
    /// behind, calls arrive later, so the calls in flight (and memory) stay bounded whatever the mix.
    static let longestBacklog: Int64 = 300

    /// Calls arrive as often as the agents can take them: the gap after each is scaled by
    /// `CallCentre.defaultAgents / agents`.
    private let agents: Int

    init(seed: UInt64, start: Int64, agents: Int = CallCentre.defaultAgents, mix: CallMix, agentState: Bool, timesheets: Timesheets?,
         timeline: Timeline) {
        random = SeededRandom(seed: seed)
        nextArrival = start
        self.agents = agents
        centre = CallCentre(start: start, agents: agents, random: &random)
        self.timeline = timeline
        sendsAgentState = agentState
        self.timesheets = timesheets
        kinds = mix.weights.map(\.kind)
        kindWeights = mix.weights.map(\.weight)
        signInEveryone()
    }

    /// Plays the next call: it arrives a few seconds after the one before (or, when the centre has
    /// fallen too far behind, later). Nil, and nothing played, when that is at or after `deadline`.
    func playNextCall(before deadline: Int64? = nil) -> CallScript? {
        let kind = kinds[random.index(weightedBy: kindWeights)]
        let route = kind.isDialIn ? Route.dialIn(random.element(weightedBy: CallCentre.dids))
            : Route.dialOut(random.element(weightedBy: CallCentre.dialOutGroups))
        let arrival = max(nextArrival, centre.soonestFree(of: route.group, count: kind.agentsRungAtOnce) - Self.longestBacklog)
        if let deadline, arrival >= deadline { return nil }
        let call = play(kind, route, at: arrival)
        timeline.schedule(call)
        scheduleAgentEvents()
        timesheets?.record(call)
        nextArrival = arrival + Int64(random.int(in: 2...16) * CallCentre.defaultAgents / agents)
        return call
    }

    private func play(_ kind: CallKind, _ route: Route, at arrival: Int64) -> CallScript {
        switch (kind, route) {
        case (.dialInAnswered, .dialIn(let did)): dialInAnswered(did, at: arrival, hold: false)
        case (.dialInOnHold, .dialIn(let did)): dialInAnswered(did, at: arrival, hold: true)
        case (.dialInAbandoned, .dialIn(let did)): dialInAbandoned(did, at: arrival)
        case (.dialInRingAll, .dialIn(let did)): dialInRingAll(did, at: arrival)
        case (.dialInWithConsult, .dialIn(let did)): dialInWithConsult(did, at: arrival)
        case (.dialInRingNoAnswerThenNext, .dialIn(let did)): dialInRingNoAnswerThenNext(did, at: arrival)
        case (.dialOutAnswered, .dialOut(let group)): dialOutAnswered(group, at: arrival, hold: false)
        case (.dialOutOnHold, .dialOut(let group)): dialOutAnswered(group, at: arrival, hold: true)
        case (.dialOutCustomerNoAnswer, .dialOut(let group)): dialOutCustomerNoAnswer(group, at: arrival)
        case (.dialOutAgentNoAnswer, .dialOut(let group)): dialOutAgentNoAnswer(group, at: arrival)
        case (.dialOutFailed, .dialOut(let group)): dialOutFailed(group, at: arrival)
        default: preconditionFailure("\(kind) does not go by \(route)")
        }
    }

    // MARK: Building blocks of every kind

    enum Route {
        case dialIn(CallCentre.DID)
        case dialOut(CallCentre.DialOutGroup)

        var group: String {
            switch self {
            case .dialIn(let did): did.group
            case .dialOut(let dialOut): dialOut.group
            }
        }
    }

    func header(_ direction: CallHeader.Direction, did: String, group: String, campaign: String) -> CallHeader {
        CallHeader(
            sessionid: random.hexDigits(32), direction: direction, did: did, team: centre.team(of: group), group: group,
            campaign: campaign, customer: customers.next(random: &random))
    }

    /// A new party's uniqueid and channel: uniqueids are one increasing counter, as on one server.
    func leg(_ number: String, of call: CallScript) -> (uniqueid: String, channel: String) {
        lastUniqueid += 1
        let context = "hosted-" + call.header.direction.rawValue
        return (String(lastUniqueid), "Local/\(number)@\(context)-\(random.hexDigits(4));1")
    }

    /// An agent's phone starts ringing; the customer's events now name them. With agent state,
    /// the agent's own events carry their agentno.
    func ringAgent(_ agent: Agent, in call: inout CallScript, at time: Int64) -> CallScript.PartyID {
        let (uniqueid, channel) = leg(agent.number, of: call)
        call.agentNumber = agent.number
        return call.ring(.agent, number: agent.number, agentno: sendsAgentState ? agent.agentno : "", uniqueid: uniqueid,
                         channel: channel, at: time)
    }

    /// Both sides hang up (either may go first, sometimes a second apart), then the CONVERSATION
    /// ends the call.
    func wrapUp(_ call: inout CallScript, at time: Int64, customer: CallScript.PartyID, agentParty: CallScript.PartyID, agent: Agent) {
        let late: Int64 = random.chance(0.2) ? 1 : 0
        let agentHungUpAt: Int64
        if random.chance(0.6) {
            call.hangUp(customer, at: time)
            call.hangUp(agentParty, at: time + late)
            agentHungUpAt = time + late
        } else {
            call.hangUp(agentParty, at: time)
            call.hangUp(customer, at: time + late)
            agentHungUpAt = time
        }
        call.end(at: time + late)
        // A shift's after-call work starts at the agent's own hangup; without agent state the
        // agent has always been let go at the call's end, and a seed's traffic stays what it was.
        release(agent, from: agentParty, of: &call, at: sendsAgentState ? agentHungUpAt : time + late)
    }

    /// The agent puts the customer on hold once (sometimes twice) while they talk; returns the
    /// end of the talk, later when the holds ran past the planned end.
    func holdDuring(_ call: inout CallScript, _ party: CallScript.PartyID, from answered: Int64, until planned: Int64) -> Int64 {
        var time = answered
        for _ in 0..<(random.chance(0.25) ? 2 : 1) {
            let onHold = time + Int64(random.int(in: 5...max(5, Int(planned - time) / 2)))
            let resumed = onHold + Int64(random.int(in: 10...120))
            call.hold(party, from: onHold, to: resumed)
            time = resumed
        }
        return max(planned, time + Int64(random.int(in: 5...60)))
    }

    func ringTime() -> Int64 { Int64(random.int(in: 2...15)) }

    func talkTime() -> Int64 { min(600, 30 + Int64(random.exponential(mean: 140))) }
}
