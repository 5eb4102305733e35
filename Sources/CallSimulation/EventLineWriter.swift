import CallEvents

/// How events go on the wire.
public enum EventFormat: String, CaseIterable, Sendable {
    /// The vendor's `key=value&...`, with the keys, key order and quirks of its examples.
    case keyValue = "kv"
    /// One JSON object a line; keys with an empty value are left out.
    case json
}

/// Writes one event as one line (with its LF). The vendor's quirks, copied from its examples
/// (samples/vendor-flows.txt): dial-out lines end `calltype=dialout&channel=...&from=dialout&`;
/// dial-in party lines end `from=dialin&channel=...` with no trailing `&`; the CONVERSATION
/// hangup has uniqueid 0, no didnumber and no channel; answers carry an empty channel
/// (`channel= ` on a dial-out AGENT answer). What the vendor's lines lack and these carry:
/// `eventid` after `eventTime`, and an eventTime on every event. With agent state, an AGENT
/// party's events end with its `agentno` (`...&from=dialout&agentno=8001&`,
/// `...&channel=...&agentno=8001`), as asterCC's own do, and a `paused` event says its `reason`.
struct EventLineWriter {
    let format: EventFormat
    let clock: ZoneClock
    // Events come in time order, many in the same second: its text is worked out once.
    private var cachedSecond = Int64.min
    private var cachedTime: [UInt8] = []
    private var cachedTimeIsMisread = false
    /// Lines whose eventTime a reader takes for another instant: those of the second pass through
    /// the hour a zone repeats when its clocks go back, whose text also names the first pass,
    /// which is how it is read (SPEC 1.3).
    private(set) var misdatedLines = 0

    init(format: EventFormat, clock: ZoneClock) {
        self.format = format
        self.clock = clock
    }

    mutating func append(_ event: TimelineEvent, at time: Int64, eventid: UInt64, to line: inout [UInt8]) {
        if time != cachedSecond {
            let civil = clock.civilTime(at: time)
            cachedSecond = time
            cachedTime = Self.timeText(civil)
            cachedTimeIsMisread = clock.epoch(of: civil) != time
        }
        if cachedTimeIsMisread { misdatedLines += 1 }
        switch (format, event) {
        case (.keyValue, .session(let event)): appendKeyValue(event, eventid: eventid, to: &line)
        case (.keyValue, .agentState(let event)): appendKeyValue(event, eventid: eventid, to: &line)
        case (.json, .session(let event)): appendJSON(event, eventid: eventid, to: &line)
        case (.json, .agentState(let event)): appendJSON(event, eventid: eventid, to: &line)
        }
        line.append(UInt8(ascii: "\n"))
    }

    private func appendKeyValue(_ event: ScriptedEvent, eventid: UInt64, to line: inout [UInt8]) {
        let call = event.call
        if event.shape == .shortIncoming {
            line.put("source=CALLER&event=incoming&modeltype=Campaign&uniqueid=", event.uniqueid)
            line.put("&model_id=", call.campaign)
            line.put("&from=dialin&sessionid=", call.sessionid)
            putTime(eventid, &line)
            line.put("&channel=", event.channel)
            return
        }
        line.put("calleridnum=", event.calleridnum)
        line.put("&didnumber=", event.shape == .conversation ? "" : call.did)
        line.put("&activenum=", event.activenum)
        line.put("&source=", event.source)
        line.put("&event=", event.name.rawValue)
        line.put("&uniqueid=", event.uniqueid)
        line.put("&sessionid=", call.sessionid)
        putTime(eventid, &line)
        line.put("&AgentTeamId=", call.team)
        line.put("&modeltype=Campaign&model_id=", call.campaign)
        line.put("&AgentGroupId=", call.group)
        switch (call.direction, event.shape) {
        case (.dialOut, _):
            line.put("&calltype=dialout&channel=", event.channel)
            line.put("&from=dialout&")
            if !event.agentno.isEmpty {
                line.put("agentno=", event.agentno)
                line.put("&")
            }
        case (.dialIn, .conversation):
            line.put("&channel=", event.channel)
            line.put("&from=dialin&")
        case (.dialIn, _):
            line.put("&from=dialin&channel=", event.channel)
            if !event.agentno.isEmpty { line.put("&agentno=", event.agentno) }
        }
    }

    private func appendKeyValue(_ event: AgentStateEvent, eventid: UInt64, to line: inout [UInt8]) {
        line.put("agentno=", event.agentno)
        line.put("&event=", event.name.rawValue)
        putTime(eventid, &line)
        line.put("&AgentTeamId=", event.team)
        line.put("&AgentGroupId=", event.group)
        if let reason = event.reason { line.put("&reason=", reason.rawValue) }
        line.put("&")
    }

    /// `&eventTime=...&eventid=...`
    private func putTime(_ eventid: UInt64, _ line: inout [UInt8]) {
        line.put("&eventTime=")
        line.append(contentsOf: cachedTime)
        line.put("&eventid=")
        line.appendDecimal(eventid)
    }

    private func appendJSON(_ event: ScriptedEvent, eventid: UInt64, to line: inout [UInt8]) {
        let call = event.call
        let short = event.shape == .shortIncoming
        var json = JSONObject()
        json.addUnlessEmpty("sessionid", call.sessionid)
        json.addUnlessEmpty("source", event.source)
        json.addUnlessEmpty("event", event.name.rawValue)
        addTime(eventid, to: &json)
        json.addUnlessEmpty("uniqueid", event.uniqueid)
        json.addUnlessEmpty("channel", event.channel)
        if !short {
            json.addUnlessEmpty("calleridnum", event.calleridnum)
            json.addUnlessEmpty("activenum", event.activenum)
            json.addUnlessEmpty("didnumber", event.shape == .conversation ? "" : call.did)
            json.addUnlessEmpty("AgentTeamId", call.team)
            json.addUnlessEmpty("AgentGroupId", call.group)
        }
        json.addUnlessEmpty("modeltype", "Campaign")
        json.addUnlessEmpty("model_id", call.campaign)
        if call.direction == .dialOut { json.addUnlessEmpty("calltype", "dialout") }
        json.addUnlessEmpty("from", call.direction.rawValue)
        json.addUnlessEmpty("agentno", event.agentno)
        line.append(contentsOf: json.closed)
    }

    private func appendJSON(_ event: AgentStateEvent, eventid: UInt64, to line: inout [UInt8]) {
        var json = JSONObject()
        json.addUnlessEmpty("agentno", event.agentno)
        json.addUnlessEmpty("event", event.name.rawValue)
        addTime(eventid, to: &json)
        json.addUnlessEmpty("AgentTeamId", event.team)
        json.addUnlessEmpty("AgentGroupId", event.group)
        if let reason = event.reason { json.add("reason", reason.rawValue) }
        line.append(contentsOf: json.closed)
    }

    private func addTime(_ eventid: UInt64, to json: inout JSONObject) {
        json.add("eventTime", String(decoding: cachedTime, as: UTF8.self))
        json.add("eventid", Int64(eventid))
    }

    /// `YYYY-MM-DD HH:MM:SS`.
    private static func timeText(_ time: CivilTime) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(19)
        func put(_ value: Int, digits: Int, then separator: Character?) {
            var divisor = 1
            for _ in 1..<digits { divisor *= 10 }
            while divisor > 0 {
                text.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
            if let separator { text.append(separator.asciiValue!) }
        }
        put(time.year, digits: 4, then: "-")
        put(time.month, digits: 2, then: "-")
        put(time.day, digits: 2, then: " ")
        put(time.hour, digits: 2, then: ":")
        put(time.minute, digits: 2, then: ":")
        put(time.second, digits: 2, then: nil)
        return text
    }
}

extension JSONObject {
    /// Leaves out what a `key=value&` line would leave empty (or blank, like `channel= `).
    mutating func addUnlessEmpty(_ key: String, _ value: String) {
        if value.contains(where: { $0 != " " }) { add(key, value) }
    }
}

extension [UInt8] {
    mutating func put(_ key: StaticString, _ value: String) {
        put(key)
        append(contentsOf: value.utf8)
    }

    mutating func put(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }

    mutating func appendDecimal(_ value: UInt64) {
        var divisor: UInt64 = 1
        while value / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }
}
