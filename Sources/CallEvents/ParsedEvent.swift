/// One event, parsed (SPEC 1.1, 1.2). Absent and empty values are both `nil`.
public struct ParsedEvent: Sendable, Equatable {
    public var sessionid: String?
    /// Upper-cased.
    public var source: String?
    /// Lower-cased, never empty.
    public var event: String
    /// Trimmed, as sent: it may be asterCC's "not set" `0000-00-00 00:00:00` or not a time at all.
    public var eventTime: String?
    public var eventid: String?
    public var uniqueid: String?
    public var channel: String?
    public var calleridnum: String?
    public var activenum: String?
    public var didnumber: String?
    /// The `from` key: `dialin` or `dialout`.
    public var direction: String?
    public var calltype: String?
    /// `AgentTeamId`.
    public var teamID: String?
    /// `AgentGroupId`.
    public var groupID: String?
    public var modeltype: String?
    /// `model_id`.
    public var modelID: String?
    public var agentno: String?
    /// Unknown keys, spelled as sent, in the order they first appeared.
    public var extra: [ExtraField]
    /// Equal for two copies of one event (SPEC 1.4), whatever their wire format or key order.
    public var dedupeKey: Int64

    /// `extra` as a JSON object text, `nil` when there is none.
    public var extraJSON: String? {
        guard !extra.isEmpty else { return nil }
        var json: [UInt8] = [UInt8(ascii: "{")]
        for (index, field) in extra.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            JSONString.append(field.key, to: &json)
            json.append(UInt8(ascii: ":"))
            JSONString.append(field.value, to: &json)
        }
        json.append(UInt8(ascii: "}"))
        return String(decoding: json, as: UTF8.self)
    }

    /// An event under construction: `event` stays empty until a non-empty one is assigned.
    init() {
        event = ""
        extra = []
        dedupeKey = 0
    }

    /// Sets one pair; the caller passes only non-empty, trimmed values, so a later value replaces
    /// an earlier one (the vendor's own parser keeps the last).
    mutating func assign(key: UnsafeRawBufferPointer, value: consuming String) {
        guard let known = KnownKey.match(key) else {
            let name = String(decoding: key, as: UTF8.self)
            if let index = extra.firstIndex(where: { $0.key.utf8.elementsEqual(name.utf8) }) {
                extra[index].value = value
            } else {
                extra.append(ExtraField(key: name, value: value))
            }
            return
        }
        switch known {
        case .sessionid: sessionid = value
        case .source: source = ASCIICase.upper(value)
        case .event: event = ASCIICase.lower(value)
        case .eventTime: eventTime = value
        case .eventid: eventid = value
        case .uniqueid: uniqueid = value
        case .channel: channel = value
        case .calleridnum: calleridnum = value
        case .activenum: activenum = value
        case .didnumber: didnumber = value
        case .from: direction = value
        case .calltype: calltype = value
        case .agentTeamID: teamID = value
        case .agentGroupID: groupID = value
        case .modeltype: modeltype = value
        case .modelID: modelID = value
        case .agentno: agentno = value
        }
    }
}

public struct ExtraField: Sendable, Equatable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
