/// An answered AGENT party of one agent, as SPEC 6.3 looks at it.
public struct AnsweredParty: Sendable, Equatable, Hashable {
    /// The call (`session_no`) and the party's number in it.
    public var session: Int64
    public var party: Int
    /// Its `hangup_epoch`, else its call's `end_epoch`.
    public var end: Int64

    public init(session: Int64, party: Int, end: Int64) {
        self.session = session
        self.party = party
        self.end = end
    }
}

/// Which call each `acw` interval of one agent belongs to (SPEC 6.3).
public enum AcwOwnership {
    /// For each `acw` interval of `intervals` (by its index in `intervals`), the party it belongs
    /// to: the answered party with the latest end at or before the interval's start, provided that
    /// end is later than the end of the agent's previous `acw` interval (the one before it in
    /// `intervals`, else `previousAcwEnd`) and no sign-out (`signOuts`, and `lastSignOut` from
    /// before them) lies at or after that end and at or before the interval's start.
    /// Intervals that belong to no call are left out. An open `acw` interval gets its owner too.
    ///
    /// Parties that end in the same second are told apart by the greater `session`, then the greater
    /// `party`: the later call, whatever order the parties are passed in.
    public static func owners(
        of intervals: [AgentInterval], signOuts: [Int64], parties: [AnsweredParty],
        previousAcwEnd: Int64? = nil, lastSignOut: Int64? = nil
    ) -> [Int: AnsweredParty] {
        let byEnd = parties.sorted { ($0.end, $0.session, $0.party) < ($1.end, $1.session, $1.party) }
        let signOuts = (signOuts + [lastSignOut].compactMap { $0 }).sorted()
        var previousEnd = previousAcwEnd
        var owners: [Int: AnsweredParty] = [:]
        for (index, acw) in intervals.enumerated() where acw.kind == .acw {
            defer {
                // An acw still open before another one (never so from one machine) has not ended
                // by then: nothing can belong to the later one.
                previousEnd = acw.end ?? .max
            }
            let latest = byEnd.firstIndex(past: { $0.end > acw.start })
            guard latest > byEnd.startIndex else { continue }
            let party = byEnd[latest - 1]
            if let previousEnd, party.end <= previousEnd { continue }
            let firstSignOut = signOuts.firstIndex(past: { $0 >= party.end })
            if firstSignOut < signOuts.endIndex, signOuts[firstSignOut] <= acw.start { continue }
            owners[index] = party
        }
        return owners
    }
}
