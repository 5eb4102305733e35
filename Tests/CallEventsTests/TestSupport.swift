import CallEvents

/// An event's fields by database column name, absent ones left out, so one comparison asserts them all.
func columns(_ event: ParsedEvent) -> [String: String] {
    let all: [(String, String?)] = [
        ("sessionid", event.sessionid), ("source", event.source), ("event", event.event),
        ("event_time", event.eventTime), ("eventid", event.eventid), ("uniqueid", event.uniqueid),
        ("channel", event.channel), ("calleridnum", event.calleridnum), ("activenum", event.activenum),
        ("didnumber", event.didnumber), ("direction", event.direction), ("calltype", event.calltype),
        ("team_id", event.teamID), ("group_id", event.groupID), ("modeltype", event.modeltype),
        ("model_id", event.modelID), ("agentno", event.agentno),
    ]
    return all.reduce(into: [:]) { columns, pair in columns[pair.0] = pair.1 }
}

func parsed(_ line: String) throws -> ParsedEvent {
    try EventParser.parse(line).get()
}

func parsed(_ bytes: [UInt8]) throws -> ParsedEvent {
    try EventParser.parse(bytes).get()
}

/// The rejection message, nil when the line parsed.
func rejection(_ line: String) -> String? {
    rejection(Array(line.utf8))
}

func rejection(_ bytes: [UInt8]) -> String? {
    guard case .failure(let error) = EventParser.parse(bytes) else { return nil }
    return error.message
}
