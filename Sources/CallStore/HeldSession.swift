import CallAssembly
import CallEvents

/// A session the writer is assembling, held in memory with every event it has stored, so that an
/// event costs no read query: its duplicate is found, its time estimated and its call assembled here.
final class HeldSession {
    let number: Int64
    let sessionid: String
    private(set) var events: [HeldEvent]
    /// The first copies among `events` by fingerprint, so a long session is not searched event by event.
    private var firstCopies: [Int64: [Int]] = [:]
    /// Its call record as stored.
    var storedCall: StoredCall
    /// It has a call record (complete or not); otherwise it waits in `pending_sessions`.
    var hasCall: Bool { storedCall != .absent }
    /// When it was last used, for choosing which session to let go when too many are held.
    var lastUse: UInt64 = 0
    /// The AGENT parties of its stored call record, which its agents' ACW looks at (SPEC 6.3).
    var writtenAgentParties: [AgentParty] = []

    /// `recallsAgentParties`: work out the AGENT parties of its stored record (a rebuild of every
    /// agent that follows has no use for them).
    init(number: Int64, sessionid: String, events: [HeldEvent], storedCall: StoredCall, recallsAgentParties: Bool = true) {
        self.number = number
        self.sessionid = sessionid
        self.events = []
        self.storedCall = storedCall
        for event in events { append(event) }
        // A stored record was assembled from exactly these events.
        if hasCall, recallsAgentParties, let record = callRecord() { writtenAgentParties = AgentParty.of(record, session: number) }
    }

    /// The first stored copy of `event` (SPEC 1.4): the fingerprint narrows, the comparison decides.
    func original(of event: ParsedEvent) -> Int64? {
        firstCopies[event.dedupeKey]?.lazy.map { self.events[$0] }.first { $0.parsed.isSameEvent(as: event) }?.rawID
    }

    func append(_ event: HeldEvent) {
        if !event.isDuplicate { firstCopies[event.parsed.dedupeKey, default: []].append(events.count) }
        events.append(event)
    }

    /// When the newest event the assembler uses arrived: duplicates are ignored (SPEC 1.4).
    var newestArrivalMillis: Int64? {
        events.lazy.filter { !$0.isDuplicate }.map(\.receivedMillis).max()
    }

    var hasConversationHangup: Bool {
        events.contains(where: \.isConversationHangup)
    }

    /// Recomputes every estimated time from the whole session (SPEC 1.3) and returns the events
    /// whose time moved, with their new epoch. A duplicate is no event's neighbour.
    func refreshEstimates() -> [(rawID: Int64, epoch: Int64)] {
        guard events.contains(where: \.timeEstimated) else { return [] }
        let estimates = TimeEstimator.estimates(for: events.map {
            Arrival(rawID: $0.rawID, receivedMillis: $0.receivedMillis,
                    timedEpoch: $0.timeEstimated || $0.isDuplicate ? nil : $0.epoch)
        })
        var moved: [(rawID: Int64, epoch: Int64)] = []
        for index in events.indices where events[index].timeEstimated {
            guard let epoch = estimates[events[index].rawID], epoch != events[index].epoch else { continue }
            events[index].epoch = epoch
            moved.append((events[index].rawID, epoch))
        }
        return moved
    }

    /// The call record of the session as it stands; nil when it has no event the assembler uses.
    func callRecord() -> CallRecord? {
        CallAssembler.assemble(sessionid: sessionid, events: events.map(\.sessionEvent))
    }
}

/// A session's call record as stored: none yet (the session waits in `pending_sessions`), one
/// assembled without its CONVERSATION hangup (stale), or a complete one.
enum StoredCall {
    case absent
    case incomplete
    case complete

    /// `call_records.complete` of the session's row, nil when it has none.
    init(complete: Bool?) {
        switch complete {
        case nil: self = .absent
        case false?: self = .incomplete
        case true?: self = .complete
        }
    }
}
