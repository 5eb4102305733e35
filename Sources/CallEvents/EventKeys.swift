/// The keys of SPEC 1.2, matched case-insensitively.
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
        guard key.count >= 4 else { return nil }
        let candidate: KnownKey
        // Every known key starts with a letter, and `| 0x20` maps only a letter to a lower-case one.
        switch (key.count, key[0] | 0x20) {
        case (4, UInt8(ascii: "f")): candidate = .from
        case (5, UInt8(ascii: "e")): candidate = .event
        case (6, UInt8(ascii: "s")): candidate = .source
        case (7, UInt8(ascii: "e")): candidate = .eventid
        case (7, UInt8(ascii: "c")): candidate = .channel
        case (7, UInt8(ascii: "a")): candidate = .agentno
        case (8, UInt8(ascii: "u")): candidate = .uniqueid
        case (8, UInt8(ascii: "c")): candidate = .calltype
        case (8, UInt8(ascii: "m")): candidate = .modelID
        case (9, UInt8(ascii: "s")): candidate = .sessionid
        case (9, UInt8(ascii: "e")): candidate = .eventTime
        case (9, UInt8(ascii: "a")): candidate = .activenum
        case (9, UInt8(ascii: "d")): candidate = .didnumber
        case (9, UInt8(ascii: "m")): candidate = .modeltype
        case (11, UInt8(ascii: "c")): candidate = .calleridnum
        case (11, UInt8(ascii: "a")): candidate = .agentTeamID
        case (12, UInt8(ascii: "a")): candidate = .agentGroupID
        default: return nil
        }
        return patterns[candidate.rawValue].matches(KeyWords(key)) ? candidate : nil
    }

    private static let patterns = allCases.map { KeyPattern($0.canonicalName) }
}

/// A key of 4 to 16 bytes as two little-endian words, zero-padded.
private struct KeyWords {
    var low: UInt64 = 0
    var high: UInt64 = 0

    init() {}

    init(_ key: UnsafeRawBufferPointer) {
        let count = key.count
        func load<T: FixedWidthInteger>(_ offset: Int, as: T.Type) -> UInt64 {
            UInt64(T(littleEndian: key.loadUnaligned(fromByteOffset: offset, as: T.self)))
        }
        // Overlapping loads: the bytes they share are the same, so or-ing them is harmless.
        if count >= 8 {
            low = load(0, as: UInt64.self)
            high = load(count - 8, as: UInt64.self) >> (8 * (16 - count))
        } else {
            low = load(0, as: UInt32.self) | load(count - 4, as: UInt32.self) << (8 * (count - 4))
        }
    }
}

/// A lower-case key name and, per byte, the bit that folds an upper-case letter onto it
/// (0x20 at letters, 0 elsewhere, so `_` and padding must match exactly).
private struct KeyPattern {
    var name = KeyWords()
    var fold = KeyWords()

    init(_ text: StaticString) {
        let bytes = UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        for (index, byte) in bytes.enumerated() {
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

