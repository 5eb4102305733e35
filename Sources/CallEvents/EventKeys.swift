/// The keys of SPEC 1.2, matched case-insensitively. The raw values go into stored dedupe keys:
/// add cases at the end, never reorder them.
enum KnownKey: Int, CaseIterable {
    case sessionid, source, event, eventTime, eventid, uniqueid, channel, calleridnum, activenum
    case didnumber, from, calltype, agentTeamID, agentGroupID, modeltype, modelID, agentno

    /// Lower-cased.
    private var canonicalName: StaticString {
        switch self {
        case .sessionid: "sessionid"
        case .source: "source"
        case .event: "event"
        case .eventTime: "eventtime"
        case .eventid: "eventid"
        case .uniqueid: "uniqueid"
        case .channel: "channel"
        case .calleridnum: "calleridnum"
        case .activenum: "activenum"
        case .didnumber: "didnumber"
        case .from: "from"
        case .calltype: "calltype"
        case .agentTeamID: "agentteamid"
        case .agentGroupID: "agentgroupid"
        case .modeltype: "modeltype"
        case .modelID: "model_id"
        case .agentno: "agentno"
        }
    }

    /// Runs once per key on the hot path, so it never allocates: length and first letter pick
    /// the only candidate, and one case-folding compare of two words confirms it.
    static func match(_ key: UnsafeRawBufferPointer) -> KnownKey? {
        guard let first = key.first else { return nil }
        // Every known key starts with a letter, and `| 0x20` maps only a letter to a lower-case one.
        let candidate: KnownKey
        switch key.count {
        case 4: candidate = .from
        case 5: candidate = .event
        case 6: candidate = .source
        case 7:
            switch first | 0x20 {
            case UInt8(ascii: "e"): candidate = .eventid
            case UInt8(ascii: "c"): candidate = .channel
            case UInt8(ascii: "a"): candidate = .agentno
            default: return nil
            }
        case 8:
            switch first | 0x20 {
            case UInt8(ascii: "u"): candidate = .uniqueid
            case UInt8(ascii: "c"): candidate = .calltype
            case UInt8(ascii: "m"): candidate = .modelID
            default: return nil
            }
        case 9:
            switch first | 0x20 {
            case UInt8(ascii: "s"): candidate = .sessionid
            case UInt8(ascii: "e"): candidate = .eventTime
            case UInt8(ascii: "a"): candidate = .activenum
            case UInt8(ascii: "d"): candidate = .didnumber
            case UInt8(ascii: "m"): candidate = .modeltype
            default: return nil
            }
        case 11: candidate = first | 0x20 == UInt8(ascii: "c") ? .calleridnum : .agentTeamID
        case 12: candidate = .agentGroupID
        default: return nil
        }
        return patterns[candidate.rawValue].matches(KeyWords(key))
            ? candidate : nil
    }

    private static let patterns = allCases.map { KeyPattern($0.canonicalName) }
}

/// The first 16 bytes of a key as two little-endian words, zero-padded.
private struct KeyWords {
    var low: UInt64 = 0
    var high: UInt64 = 0

    init() {}

    init(_ key: UnsafeRawBufferPointer) {
        low = Bytes.word(key, at: 0)
        high = Bytes.word(key, at: 8)
    }
}

/// A lower-case key name and, per byte, the bit that folds an upper-case letter onto it
/// (0x20 at letters, 0 elsewhere, so `_` and padding must match exactly).
private struct KeyPattern {
    var name = KeyWords()
    var fold = KeyWords()

    init(_ text: StaticString) {
        for (index, byte) in text.bytes.enumerated() {
            let shift = UInt64(8 * (index % 8))
            let foldBit: UInt64 = byte &- UInt8(ascii: "a") < 26 ? 0x20 : 0
            if index < 8 {
                name.low |= UInt64(byte) << shift
                fold.low |= foldBit << shift
            } else {
                name.high |= UInt64(byte) << shift
                fold.high |= foldBit << shift
            }
        }
    }

    func matches(_ key: KeyWords) -> Bool {
        key.low | fold.low == name.low && key.high | fold.high == name.high
    }
}

