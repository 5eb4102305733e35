/// SPEC 1.4: two copies of one event share a key, whatever their wire format or key order.
enum DedupeKey {
    /// Known keys are hashed as one tag word each (high bit set, so never a segment length) in a
    /// fixed order, then unknown keys sorted by their bytes: a canonical form of the set of pairs.
    static func of(_ event: ParsedEvent) -> Int64 {
        var hash = StableHash()
        if let eventid = event.eventid {
            // The sessionid goes in too, so the key alone tells events of different calls apart.
            hash.add(word: eventidDomain)
            hash.add(segment: event.sessionid ?? "")
            hash.add(segment: eventid)
        } else {
            hash.add(word: pairsDomain)
            for key in KnownKey.allCases {
                guard let value = event[key] else { continue }
                hash.add(word: 1 << 63 | UInt64(key.rawValue))
                hash.add(segment: value)
            }
            let extra = event.extra.count > 1
                ? event.extra.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
                : event.extra
            for field in extra {
                hash.add(segment: field.key)
                hash.add(segment: field.value)
            }
        }
        return Int64(bitPattern: hash.value)
    }

    private static let eventidDomain: UInt64 = 0x6469_7465_6e65_7665  // "eventid" little-endian
    private static let pairsDomain: UInt64 = 0x7372_6961_70  // "pairs" little-endian
}
