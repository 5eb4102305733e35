import CallAssembly
import CallEvents

/// One stored event of a session, held in memory: what assembly, the time estimate and the
/// duplicate check need. `parsed` is the event as the parser gave it, its sessionid left out
/// (the session holds that once).
struct HeldEvent {
    var parsed: ParsedEvent
    let rawID: Int64
    /// Its `event_epoch`: the time sent, or the estimate, which a later event can move.
    var epoch: Int64
    let timeEstimated: Bool
    let receivedMillis: Int64
    let isDuplicate: Bool

    init(_ parsed: ParsedEvent, rawID: Int64, epoch: Int64, timeEstimated: Bool, receivedMillis: Int64, isDuplicate: Bool) {
        var parsed = parsed
        parsed.sessionid = nil
        self.parsed = parsed
        self.rawID = rawID
        self.epoch = epoch
        self.timeEstimated = timeEstimated
        self.receivedMillis = receivedMillis
        self.isDuplicate = isDuplicate
    }

    var sessionEvent: SessionEvent {
        SessionEvent(
            rawID: rawID, eventid: parsed.eventid, source: parsed.source, event: parsed.event, epoch: epoch,
            uniqueid: parsed.uniqueid, channel: parsed.channel, calleridnum: parsed.calleridnum,
            activenum: parsed.activenum, didnumber: parsed.didnumber, direction: parsed.direction,
            teamID: parsed.teamID, groupID: parsed.groupID, modeltype: parsed.modeltype, modelID: parsed.modelID,
            agentno: parsed.agentno, isDuplicate: isDuplicate)
    }

    var isConversationHangup: Bool {
        !isDuplicate && parsed.source == "CONVERSATION" && parsed.event == "hangup"
    }
}
