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

    public init() {}

    /// Applies the next event in the agent's order.
    public mutating func apply(_ event: AgentEvent) {
        fatalError("AgentMachine.apply: to be written")
    }

    /// The same state without what is final: its open intervals only, no sign-outs (but
    /// `lastAcwEnd` and `lastSignOut`).
    public func keepingOpenOnly() -> AgentMachine {
        fatalError("AgentMachine.keepingOpenOnly: to be written")
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
    public static func sorted(_ events: [AgentEvent]) -> [AgentEvent] {
        fatalError("AgentOrder.sorted: to be written")
    }
}
