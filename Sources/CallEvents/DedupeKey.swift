extension ParsedEvent {
    /// SPEC 1.4: equal for two copies of one event, whatever their wire format or key order.
    /// The pairs are hashed in a canonical form: known keys as one tag word each (high bit set, so
    /// never a segment length) in a fixed order, then unknown keys sorted by their bytes.
    func computedDedupeKey() -> Int64 {
        var hash = StableHash()
        if let eventid {
            // The sessionid goes in too, so the key alone tells events of different calls apart.
            hash.add(domain: "eventid")
            hash.add(segment: sessionid ?? "")
            hash.add(segment: eventid)
            return Int64(bitPattern: hash.value)
        }
        hash.add(domain: "pairs")
        hash.add(.sessionid, sessionid)
        hash.add(.source, source)
        hash.add(.event, event)
        hash.add(.eventTime, eventTime)
        hash.add(.uniqueid, uniqueid)
        hash.add(.channel, channel)
        hash.add(.calleridnum, calleridnum)
        hash.add(.activenum, activenum)
        hash.add(.didnumber, didnumber)
        hash.add(.from, direction)
        hash.add(.calltype, calltype)
        hash.add(.agentTeamID, teamID)
        hash.add(.agentGroupID, groupID)
        hash.add(.modeltype, modeltype)
        hash.add(.modelID, modelID)
        hash.add(.agentno, agentno)
        let sortedExtra = extra.count > 1
            ? extra.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            : extra
        for field in sortedExtra {
            hash.add(segment: field.key)
            hash.add(segment: field.value)
        }
        return Int64(bitPattern: hash.value)
    }
}

extension StableHash {
    /// Keeps a pairs key from ever equalling an eventid key.
    fileprivate mutating func add(domain: StaticString) {
        add(word: Bytes.word(domain.bytes, at: 0))
    }

    fileprivate mutating func add(_ key: KnownKey, _ value: String?) {
        guard let value else { return }
        add(word: 1 << 63 | UInt64(key.rawValue))
        add(segment: value)
    }
}
