/// What agents do around their calls. With agent state, a shift: each signs in to their group
/// (`login`), takes calls only when free, does after-call work after every call they answered
/// (`hangupacw` at their hangup, `acwstop` 10–120 s later, most of it short), now and then pauses
/// with a reason (`paused` ... `nopaused`: a break, a meeting or training, and once, 3.5 to 4.5
/// hours into the shift, lunch), and signs out (`logoff`) once their last call and its wrap-up
/// are done. Nothing in it overlaps: an agent is free again only once all of it is over.
extension CallGenerator {
    /// The share of answered calls after which the agent pauses, once their after-call work is done.
    static let pauseShare = 0.04

    /// Everyone signs in some time in the ten minutes before the first call: when they are first free.
    func signInEveryone() {
        guard sendsAgentState else { return }
        for agent in centre.everyAgent {
            agentEvent(.login, agent, at: agent.freeAt)
            timesheets?.signIn(agent.agentno, at: agent.freeAt)
            agent.lunchAt = agent.freeAt + Int64(random.int(in: 210 * 60...270 * 60))
        }
        scheduleAgentEvents()
    }

    /// End of the shift: everyone signs out a little after their last call, wrap-up or pause is
    /// done, and after the last call has arrived.
    func signOutEveryone() {
        guard sendsAgentState else { return }
        for agent in centre.everyAgent {
            let time = max(agent.freeAt, nextArrival) + Int64(random.int(in: 10...300))
            agentEvent(.logoff, agent, at: time)
            timesheets?.signOut(agent.agentno, at: time)
        }
        scheduleAgentEvents()
    }

    /// The agent of `party` was let go by the call at `time`: after a call they answered comes
    /// after-call work, and now and then a pause; then they are free for the next call.
    func release(_ agent: Agent, from party: CallScript.PartyID, of call: inout CallScript, at time: Int64) {
        let answered = call.parties[party].answerAt != nil
        guard sendsAgentState else { return comeFree(agent, at: time, answered: answered) }
        precondition(call.parties[party].hangupAt == time, "an agent's after-call work starts at their hangup")
        guard answered else {
            agent.freeAt = time + 1
            return
        }
        let acwStop = time + afterCallWorkTime()
        agentEvent(.hangupacw, agent, at: time)
        agentEvent(.acwstop, agent, at: acwStop)
        call.afterCallWork(of: party, seconds: acwStop - time)
        timesheets?.add(.acw, Span(time, acwStop), for: agent.agentno)
        agent.freeAt = acwStop
        if let lunchAt = agent.lunchAt, acwStop >= lunchAt {
            agent.lunchAt = nil
            pause(agent, .lunch, at: acwStop)
        } else if random.chance(Self.pauseShare) {
            pause(agent, random.element(weightedBy: PauseReason.allCases), at: acwStop)
        }
    }

    /// 10 s to 2 minutes, most of it short: 10 s and an exponential time of mean 30 s, cut at 110.
    private func afterCallWorkTime() -> Int64 {
        10 + min(110, Int64(random.exponential(mean: 30)))
    }

    private func pause(_ agent: Agent, _ reason: PauseReason, at time: Int64) {
        let back = time + Int64(random.int(in: reason.seconds))
        agentEvent(.paused, agent, at: time, reason: reason)
        agentEvent(.nopaused, agent, at: back)
        timesheets?.add(.paused, Span(time, back), for: agent.agentno)
        agent.freeAt = back
    }

    /// Without agent state nothing tells of a shift, and agents come free as they always have (so
    /// a seed's traffic stays what it was): 5–40 s after a call they answered, sometimes after a
    /// break of 2–15 minutes.
    private func comeFree(_ agent: Agent, at time: Int64, answered: Bool) {
        guard answered else {
            agent.freeAt = time + 1
            return
        }
        var free = time + Int64(random.int(in: 5...40))
        if random.chance(0.04) {
            free += Int64(random.int(in: 120...900))
        }
        agent.freeAt = free
    }

    /// Kept until the call that caused it is on the timeline (see `scheduleAgentEvents`).
    private func agentEvent(_ name: AgentStateEvent.Name, _ agent: Agent, at time: Int64, reason: PauseReason? = nil) {
        if sendsAgentState {
            agentEvents.append(AgentStateEvent(time: time, name: name, agentno: agent.agentno, team: agent.team, group: agent.group, reason: reason))
        }
    }

    /// Puts the agent-state events played since the last time on the timeline: after the call's
    /// own, so that an agent's `hangupacw` follows their hangup of the same second.
    func scheduleAgentEvents() {
        for event in agentEvents {
            timeline.schedule(.agentState(event), at: event.time)
        }
        agentEvents.removeAll(keepingCapacity: true)
    }
}

/// Why an agent pauses, its share of the pauses between calls, and how long it lasts: a lunch is
/// the longest, and is not drawn (it comes once a shift).
enum PauseReason: String, CaseIterable, Weighted {
    case `break`, lunch, meeting, training

    var weight: Double {
        switch self {
        case .break: 60
        case .lunch: 0
        case .meeting: 25
        case .training: 15
        }
    }

    var seconds: ClosedRange<Int> {
        switch self {
        case .break: 5 * 60...15 * 60
        case .lunch: 30 * 60...60 * 60
        case .meeting: 10 * 60...30 * 60
        case .training: 15 * 60...30 * 60
        }
    }
}
