/// A short shift of one agent (agentno 8001, phone 041100000001), in UTC on 2026-11-02, worked out
/// by hand (SPEC 6): signed in to groups 100 and 101 at 09:00:00; a dial-in call S1 rings it at
/// 09:01:05, answered 09:01:10, both hang up 09:03:10; after-call work 09:03:10–09:03:40 (S1's);
/// a lunch pause 09:10:00–09:40:00; wrap-up with no call before it 10:00:00–10:00:20; signed out
/// of every group at 10:30:00. Every event has an eventid in time order.
public enum AgentShift {
    public static let session = "5e55100000000000000000000000000a"

    public static let lines: [String] = [
        "agentno=8001&event=login&AgentGroupId=100&eventTime=2026-11-02 09:00:00&eventid=1",
        "agentno=8001&event=login&AgentGroupId=101&eventTime=2026-11-02 09:00:00&eventid=2",
        "calleridnum=013900000001&source=CALLER&event=incoming&uniqueid=c1&sessionid=\(session)&eventTime=2026-11-02 09:01:00&eventid=3&from=dialin&didnumber=800888",
        "activenum=041100000001&agentno=8001&source=AGENT&event=ringing&uniqueid=a1&sessionid=\(session)&eventTime=2026-11-02 09:01:05&eventid=4&from=dialin",
        "activenum=041100000001&agentno=8001&source=AGENT&event=answer&uniqueid=a1&sessionid=\(session)&eventTime=2026-11-02 09:01:10&eventid=5&from=dialin",
        "calleridnum=013900000001&source=CALLER&event=hangup&uniqueid=c1&sessionid=\(session)&eventTime=2026-11-02 09:03:10&eventid=6&from=dialin",
        "activenum=041100000001&agentno=8001&source=AGENT&event=hangup&uniqueid=a1&sessionid=\(session)&eventTime=2026-11-02 09:03:10&eventid=7&from=dialin",
        "agentno=8001&event=hangupacw&eventTime=2026-11-02 09:03:10&eventid=8",
        "source=CONVERSATION&event=hangup&uniqueid=0&sessionid=\(session)&eventTime=2026-11-02 09:03:10&eventid=9&from=dialin",
        "agentno=8001&event=acwstop&eventTime=2026-11-02 09:03:40&eventid=10",
        "agentno=8001&event=paused&reason=lunch&eventTime=2026-11-02 09:10:00&eventid=11",
        "agentno=8001&event=nopaused&eventTime=2026-11-02 09:40:00&eventid=12",
        "agentno=8001&event=hangupacw&eventTime=2026-11-02 10:00:00&eventid=13",
        "agentno=8001&event=acwstop&eventTime=2026-11-02 10:00:20&eventid=14",
        "agentno=8001&event=logoff&eventTime=2026-11-02 10:30:00&eventid=15",
    ]

    /// `agent_states` as it must read, ordered by start_raw_id: agent, state, group_id,
    /// start_time, end_time, seconds, reason, the ACW's call and party.
    public static let states: [[String]] = [
        ["8001", "logged_in", "100", "2026-11-02 09:00:00", "2026-11-02 10:30:00", "5400", "", "", ""],
        ["8001", "logged_in", "101", "2026-11-02 09:00:00", "2026-11-02 10:30:00", "5400", "", "", ""],
        ["8001", "acw", "", "2026-11-02 09:03:10", "2026-11-02 09:03:40", "30", "", session, "2"],
        ["8001", "paused", "", "2026-11-02 09:10:00", "2026-11-02 09:40:00", "1800", "lunch", "", ""],
        ["8001", "acw", "", "2026-11-02 10:00:00", "2026-11-02 10:00:20", "20", "", "", ""],
    ]

    /// The query whose rows `states` lists.
    public static let statesQuery = """
        SELECT agent, state, group_id, start_time, end_time, seconds, reason, acw_sessionid, acw_party
        FROM agent_states ORDER BY start_epoch, state, group_id
        """
}
