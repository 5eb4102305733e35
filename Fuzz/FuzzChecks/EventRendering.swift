import CallEvents

/// Writes a parsed event back out in the wire formats of SPEC 1.1, so a round trip can be checked.
enum EventRendering {
    /// The known keys of SPEC 1.2, lower-cased.
    static let knownKeyNames: Set<String> = Set(knownPairs(nil).map { $0.0.lowercased() })

    /// Every known key with its value, `event` first (so no rendering can start like another format).
    static func knownPairs(_ event: ParsedEvent?) -> [(String, String?)] {
        [
            ("event", event?.event), ("sessionid", event?.sessionid), ("source", event?.source),
            ("eventTime", event?.eventTime), ("eventid", event?.eventid), ("uniqueid", event?.uniqueid),
            ("channel", event?.channel), ("calleridnum", event?.calleridnum), ("activenum", event?.activenum),
            ("didnumber", event?.didnumber), ("from", event?.direction), ("calltype", event?.calltype),
            ("AgentTeamId", event?.teamID), ("AgentGroupId", event?.groupID), ("modeltype", event?.modeltype),
            ("model_id", event?.modelID), ("agentno", event?.agentno),
        ]
    }

    /// Each format the event can be written in without loss, with its name. `key=value&` cannot
    /// carry a key with `=` or `&` (keys are not decoded); JSON cannot carry a value with spaces at
    /// its ends (decoded strings are trimmed), which only a `%20` of the `key=value&` format makes.
    static func renderings(of event: ParsedEvent) -> [(String, [UInt8])] {
        let pairs = knownPairs(event).compactMap { key, value in value.map { (key, $0) } }
            + event.extra.map { ($0.key, $0.value) }
        var formats: [(String, [UInt8])] = []
        if !event.extra.contains(where: { $0.key.utf8.contains { $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "&") } }) {
            let keyValue = keyValueLine(pairs)
            formats.append(("key=value&", keyValue))
            formats.append(("message=\"...\";", Array(#"message=""#.utf8) + keyValue + Array(#"";"#.utf8)))
        }
        if !pairs.contains(where: { hasSpaceAtAnEnd($0.1) }) {
            formats.append(("JSON", jsonObject(event)))
        }
        return formats
    }

    private static func keyValueLine(_ pairs: [(String, String)]) -> [UInt8] {
        var line: [UInt8] = []
        for (index, (key, value)) in pairs.enumerated() {
            if index > 0 { line.append(UInt8(ascii: "&")) }
            line.append(contentsOf: key.utf8)
            line.append(UInt8(ascii: "="))
            for byte in value.utf8 {
                switch byte {
                // `%` and `&` would be read as syntax; whitespace would be trimmed at a value's ends.
                case UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: " "), UInt8(ascii: "\t"),
                     UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                    line.append(UInt8(ascii: "%"))
                    line.append(hexDigit(byte >> 4))
                    line.append(hexDigit(byte & 0xF))
                default:
                    line.append(byte)
                }
            }
        }
        return line
    }

    /// The known pairs written here, the unknown ones as the parser's own `extraJSON` writes them.
    private static func jsonObject(_ event: ParsedEvent) -> [UInt8] {
        var json: [UInt8] = [UInt8(ascii: "{")]
        for (key, value) in knownPairs(event) {
            guard let value else { continue }
            if json.count > 1 { json.append(UInt8(ascii: ",")) }
            JSONString.append(key, to: &json)
            json.append(UInt8(ascii: ":"))
            JSONString.append(value, to: &json)
        }
        if let extra = event.extraJSON {
            json.append(UInt8(ascii: ","))
            json.append(contentsOf: extra.utf8.dropFirst())
        } else {
            json.append(UInt8(ascii: "}"))
        }
        return json
    }

    private static func hasSpaceAtAnEnd(_ text: String) -> Bool {
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        return text.utf8.first.map(isSpace) == true || text.utf8.last.map(isSpace) == true
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }
}
