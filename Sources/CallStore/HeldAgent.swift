import AgentStates
import CallAssembly

/// One agent the writer is following (SPEC 6), held in memory so that storing its events reads
/// nothing back: its recent agent-state events, the state its earlier ones left it in, its
/// answered parties, and the intervals and ACW as they are stored.
///
/// Its earlier events are folded into `base` once more than `windowCapacity` are held: their
/// closed intervals are final. Anything that would change them (an event that sorts before the
/// fold, a change of ordering rule, a party that ends before it) asks for a full reload instead.
final class HeldAgent {
    /// Events held after the fold point; past this, the older half is folded into `base`.
    static let windowCapacity = 24

    let key: String
    /// The agent's state after every folded event: its open intervals only.
    private(set) var base = AgentMachine()
    /// The order key of the last folded event; nil when nothing is folded.
    private(set) var foldedThrough: AgentOrder.Key?
    /// The non-duplicate events after the fold point, in arrival order.
    private(set) var events: [AgentEvent] = []
    /// Every non-duplicate event of the agent, folded ones included, carries an eventid: the
    /// agent's order then uses them (SPEC 6.2).
    private(set) var everyEventHasEventid: Bool
    /// Its answered AGENT parties that an `acw` after the fold point can belong to.
    private(set) var parties: [AnsweredParty] = []
    /// Parties ending before this were let go (`pruneParties`): an `acw` that starts earlier may
    /// have belonged to one of them.
    private var partiesKeptFrom: Int64 = .min
    /// The intervals open at the fold point or opened after it, as stored, by their opening event.
    var stored: [Int64: StoredInterval] = [:]
    /// The `acw_seconds` stored on the parties the intervals of `stored` belong to.
    var storedAcw: [PartyRef: Int64] = [:]
    /// Time estimates (SPEC 1.3): the offset of the timed event that arrived last, and whether an
    /// event without a time arrived before any timed one (its estimate waits for one).
    var lastTimedOffsetMillis: Int64?
    var hasEventAwaitingNeighbour = false
    /// Set when something changed that only a full reload from the database can settle.
    var needsReload = false
    /// When it was last used, for choosing which agent to let go when too many are held.
    var lastUse: UInt64 = 0

    init(key: String, everyEventHasEventid: Bool = true) {
        self.key = key
        self.everyEventHasEventid = everyEventHasEventid
    }

    /// A new event of the agent, after it was stored.
    func append(_ event: AgentEvent) {
        if everyEventHasEventid, !AgentOrder.hasEventid(event) {
            everyEventHasEventid = false
            // Every earlier event now sorts by (epoch, raw_id): the folded ones too.
            if foldedThrough != nil { needsReload = true }
        }
        if let folded = foldedThrough, AgentOrder.Key(event, byEventid: everyEventHasEventid) <= folded {
            needsReload = true
        }
        if event.epoch < partiesKeptFrom { needsReload = true }
        events.append(event)
    }

    /// The agent's answered parties of one call are now `answered` (none when the call has no
    /// answered party of this agent any more).
    func replaceParties(ofSession session: Int64, with answered: [AnsweredParty], oldEnds: [Int64]) {
        let ends = oldEnds + answered.map(\.end)
        if let foldEpoch = foldedThrough?.epoch, ends.contains(where: { $0 <= foldEpoch }) {
            // An ACW already folded may belong to it, or may have.
            needsReload = true
        }
        // Parties that ended before `partiesKeptFrom` were let go: one of them may be the latest
        // before an ACW once this call's end moves below the latest kept one.
        let keptLatestMovesBack = parties.contains { $0.session == session && $0.end == partiesKeptFrom }
            && !answered.contains { $0.end >= partiesKeptFrom }
        if ends.contains(where: { $0 < partiesKeptFrom }) || keptLatestMovesBack { needsReload = true }
        parties.removeAll { $0.session == session }
        parties.append(contentsOf: answered)
        storedAcw = storedAcw.filter { $0.key.session != session }
    }

    /// What the rules give for the held events: every interval open at the fold point or opened
    /// since, with the party each `acw` belongs to.
    func desired() -> [Int64: StoredInterval] {
        var machine = base
        for event in AgentOrder.sorted(events) { machine.apply(event) }
        let owners = AcwOwnership.owners(
            of: machine.intervals, signOuts: machine.signOuts, parties: parties,
            previousAcwEnd: base.lastAcwEnd, lastSignOut: base.lastSignOut)
        var rows: [Int64: StoredInterval] = [:]
        for (index, interval) in machine.intervals.enumerated() {
            rows[interval.startRawID] = StoredInterval(interval, owner: owners[index].map(PartyRef.init))
        }
        return rows
    }

    /// Starts the window anew from the whole history of the agent: `events` in any order, all of them.
    func restart(with all: [AgentEvent], parties: [AnsweredParty]) {
        base = AgentMachine()
        foldedThrough = nil
        events = all
        everyEventHasEventid = all.allSatisfy(AgentOrder.hasEventid)
        self.parties = parties
        partiesKeptFrom = .min
        needsReload = false
        pruneParties()
    }

    /// Keeps the parties an `acw` of the held events, or a later one, can belong to: those ending
    /// after the earliest held event, and the latest one before it. An agent whose events never
    /// come (no ACW events at all) keeps only its latest call.
    func pruneParties() {
        guard parties.count > Self.windowCapacity / 4 else { return }
        let earliest = events.map(\.epoch).min() ?? .max
        let kept = parties.filter { $0.end > earliest }
        guard let latestBefore = parties.filter({ $0.end <= earliest })
            .max(by: { ($0.end, $0.session, $0.party) < ($1.end, $1.session, $1.party) }) else { return }
        parties = kept + [latestBefore]
        partiesKeptFrom = max(partiesKeptFrom, latestBefore.end)
    }

    /// Folds the older events into `base` when more than the window holds; `stored` and
    /// `storedAcw` keep only what the window can still change.
    func foldIfFull() {
        guard events.count > Self.windowCapacity else { return }
        let sorted = AgentOrder.sorted(events)
        let folding = sorted.count - Self.windowCapacity / 2
        var machine = base
        for event in sorted[..<folding] { machine.apply(event) }
        base = machine.keepingOpenOnly()
        let last = sorted[folding - 1]
        foldedThrough = AgentOrder.Key(last, byEventid: everyEventHasEventid)
        events = Array(sorted[folding...])
        pruneParties()
        let keep = desired()
        stored = stored.filter { keep[$0.key] != nil }
        let owners = Set(stored.values.compactMap(\.owner))
        storedAcw = storedAcw.filter { owners.contains($0.key) }
    }
}

/// A call party by its call and number: what an `acw` interval belongs to.
struct PartyRef: Hashable {
    let session: Int64
    let party: Int

    init(session: Int64, party: Int) {
        self.session = session
        self.party = party
    }

    init(_ answered: AnsweredParty) {
        self.init(session: answered.session, party: answered.party)
    }
}

/// One row of `agent_intervals` as the writer knows it.
struct StoredInterval: Equatable {
    var interval: AgentInterval
    var owner: PartyRef?

    init(_ interval: AgentInterval, owner: PartyRef?) {
        self.interval = interval
        self.owner = owner
    }

    /// The `acw_seconds` it gives its owner: a closed `acw` interval's length, else nothing.
    var acwSeconds: Int64? {
        guard interval.kind == .acw, owner != nil else { return nil }
        return interval.seconds
    }
}
