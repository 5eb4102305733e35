import CallAssembly

/// The rules of SPEC 6.2 as a machine fed one agent's non-duplicate agent-state events in the
/// agent's order (`AgentOrder.sorted`). It keeps every interval it opened, closed or still open,
/// and the moments the agent signed out of every group (SPEC 6.3 needs them).
///
/// A machine can be cut short with `keepingOpenOnly()`: what a writer holds once the closed
/// intervals are stored for good, and from which it goes on with later events.
public struct AgentMachine: Sendable, Equatable {
    /// Every interval opened, in the order they opened (`keepingOpenOnly()` drops the closed ones).
    public private(set) var intervals: [AgentInterval] = []
    /// The epochs of the `logoff` events after which no `logged_in` interval was open (and one was
    /// open before), in order.
    public private(set) var signOuts: [Int64] = []
    /// The end of the latest closed `acw` interval, kept also when `keepingOpenOnly()` drops it.
    public private(set) var lastAcwEnd: Int64?
    /// The latest of `signOuts`, kept also when `keepingOpenOnly()` drops them.
    public private(set) var lastSignOut: Int64?
    /// Where the open intervals are in `intervals`, in the order they opened: the few an event can
    /// close, found without a walk through the agent's whole history.
    private var openIndices: [Int] = []

    public init() {}

    /// Applies the next event in the agent's order. A group is read without surrounding
    /// whitespace, and a blank one is no group (a `logoff` with `AgentGroupId=` leaves every group).
    public mutating func apply(_ event: AgentEvent) {
        switch event.event {
        case "login":
            let group = present(event.groupID)
            open(.loggedIn, group: group, by: event) { $0.kind == .loggedIn && $0.groupID == group }
        case "logoff":
            logOff(by: event)
        case "paused":
            open(.paused, reason: event.reason, by: event) { $0.kind == .paused }
        case "nopaused":
            close(by: event) { $0.kind == .paused }
        case "hangupacw":
            open(.acw, by: event) { $0.kind == .acw }
        case "acwstop":
            close(by: event) { $0.kind == .acw }
        default:
            break
        }
    }

    /// The same state without what is final: its open intervals only, no sign-outs (but
    /// `lastAcwEnd` and `lastSignOut`).
    public func keepingOpenOnly() -> AgentMachine {
        var kept = self
        kept.intervals = openIndices.map { intervals[$0] }
        kept.openIndices = Array(kept.intervals.indices)
        kept.signOuts = []
        return kept
    }

    /// Opens an interval of `kind` unless an open one already `matches`.
    private mutating func open(
        _ kind: AgentIntervalKind, group: String? = nil, reason: String? = nil, by event: AgentEvent,
        unlessOpen matches: (AgentInterval) -> Bool
    ) {
        guard !openIndices.contains(where: { matches(intervals[$0]) }) else { return }
        openIndices.append(intervals.count)
        intervals.append(AgentInterval(kind: kind, groupID: group, start: event.epoch, reason: reason, startRawID: event.rawID))
    }

    /// Closes every open interval that `matches` at `event`.
    private mutating func close(by event: AgentEvent, _ matches: (AgentInterval) -> Bool) {
        openIndices.removeAll { index in
            guard matches(intervals[index]) else { return false }
            intervals[index].end = event.epoch
            intervals[index].endRawID = event.rawID
            if intervals[index].kind == .acw { lastAcwEnd = event.epoch }
            return true
        }
    }

    /// A `logoff`: out of its group (of every group without one), and out of pause and after-call
    /// work; a sign-out when it leaves the agent in no group.
    private mutating func logOff(by event: AgentEvent) {
        let group = present(event.groupID)
        let wasSignedIn = isSignedIn
        close(by: event) { interval in
            interval.kind != .loggedIn || group == nil || interval.groupID == group
        }
        if wasSignedIn, !isSignedIn {
            signOuts.append(event.epoch)
            lastSignOut = event.epoch
        }
    }

    private var isSignedIn: Bool {
        openIndices.contains { intervals[$0].kind == .loggedIn }
    }

    /// The intervals of `events` (any order: they are sorted by `AgentOrder`), from a new machine.
    public static func run(_ events: [AgentEvent]) -> AgentMachine {
        var machine = AgentMachine()
        for event in AgentOrder.sorted(events) { machine.apply(event) }
        return machine
    }
}

/// An agent's order (SPEC 6.2): by (epoch, eventid, rawID) when every event has an eventid, else
/// by (epoch, rawID). The same rule, and the same eventid comparison, as a session's order.
public enum AgentOrder {
    /// Where an event stands in its agent's order; `byEventid` when every event of the agent has one.
    public struct Key: Comparable, Sendable {
        public let epoch: Int64
        let eventid: EventID?
        let rawID: Int64

        public init(_ event: AgentEvent, byEventid: Bool) {
            epoch = event.epoch
            eventid = byEventid ? EventID(present(event.eventid)) : nil
            rawID = event.rawID
        }

        public static func < (lhs: Key, rhs: Key) -> Bool {
            if lhs.epoch != rhs.epoch { return lhs.epoch < rhs.epoch }
            if let l = lhs.eventid, let r = rhs.eventid, l != r { return l < r }
            return lhs.rawID < rhs.rawID
        }

        public static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.epoch == rhs.epoch && lhs.eventid == rhs.eventid && lhs.rawID == rhs.rawID
        }
    }

    /// Whether the event has an eventid to be ordered by (a blank one is none).
    public static func hasEventid(_ event: AgentEvent) -> Bool {
        present(event.eventid) != nil
    }

    public static func sorted(_ events: [AgentEvent]) -> [AgentEvent] {
        let byEventid = events.allSatisfy(hasEventid)
        return events.map { (Key($0, byEventid: byEventid), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
