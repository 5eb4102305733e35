import CallEvents

extension ExpectedCall {
    /// One line of the truth file: the `calls` columns of SPEC 2.1 but `assembled_at`, with
    /// `agent` and `acw_seconds` (SPEC 6.1, 6.3), and `parties`, the `call_parties` columns but
    /// `sessionid`, with `agentno`, `agent` and `acw_seconds`. Times as text in `clock`'s zone
    /// and as Unix seconds.
    func jsonLine(clock: ZoneClock) -> [UInt8] {
        var json = JSONObject()
        json.add("sessionid", sessionid)
        json.add("direction", direction)
        json.add("disposition", disposition)
        json.add("complete", 1)
        json.add("customer_number", customerNumber)
        json.add("agent_number", agentNumber)
        json.add("agent", agent)
        json.add("agents_rung", Int64(agentsRung))
        json.add("did", did)
        json.add("team_id", teamID)
        json.add("group_id", groupID)
        json.add("modeltype", modeltype)
        json.add("model_id", modelID)
        json.addTime("start", start, clock)
        json.addTime("answer", answer, clock)
        json.addTime("end", end, clock)
        json.add("duration_seconds", durationSeconds)
        json.add("wait_seconds", waitSeconds)
        json.add("talk_seconds", talkSeconds)
        json.add("hold_seconds", holdSeconds)
        json.add("acw_seconds", acwSeconds)
        json.add("hangup_by", hangupBy)
        json.add("event_count", Int64(eventCount))
        json.add("parties", parties.map { $0.json(clock: clock) })
        return json.closed + [UInt8(ascii: "\n")]
    }
}

extension ExpectedParty {
    func json(clock: ZoneClock) -> JSONObject {
        var json = JSONObject()
        json.add("party", Int64(party))
        json.add("role", role)
        json.add("number", number)
        json.add("agentno", agentno)
        json.add("agent", agent)
        json.add("uniqueid", uniqueid)
        json.add("channel", channel)
        json.addTime("ring", ring, clock)
        json.addTime("answer", answer, clock)
        json.addTime("hangup", hangup, clock)
        json.add("ring_seconds", ringSeconds)
        json.add("answer_seconds", answerSeconds)
        json.add("talk_seconds", talkSeconds)
        json.add("hold_seconds", holdSeconds)
        json.add("acw_seconds", acwSeconds)
        return json
    }
}

extension Timesheet {
    /// The truth file's line for one agent, after every call's: SPEC 6.4's figures over the whole
    /// run. It has `agent` and, unlike a call's line, no `sessionid`.
    func jsonLine(agent: String) -> [UInt8] {
        var json = JSONObject()
        json.add("agent", agent)
        json.add("login_seconds", loginSeconds)
        json.add("acw_seconds", acwSeconds)
        json.add("pause_seconds", pauseSeconds)
        json.add("available_seconds", availableSeconds)
        json.add("occupancy", tenths: occupancyTenths)
        return json.closed + [UInt8(ascii: "\n")]
    }
}

extension JSONObject {
    /// `NAME_time` and `NAME_epoch`.
    mutating func addTime(_ name: String, _ epoch: Int64?, _ clock: ZoneClock) {
        add(name + "_time", epoch.map { clock.civilTime(at: $0).text })
        add(name + "_epoch", epoch)
    }
}
