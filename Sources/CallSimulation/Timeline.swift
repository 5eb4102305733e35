/// An agent's state changes: no sessionid, no source.
struct AgentStateEvent {
    enum Name: String {
        case login, logoff, paused, nopaused, hangupacw, acwstop
    }

    let time: Int64
    let name: Name
    let agentno: String
    let team: String
    let group: String
    /// Why a `paused` agent stopped taking calls.
    var reason: PauseReason?
}

enum TimelineEvent {
    case session(ScriptedEvent)
    case agentState(AgentStateEvent)
}

/// Every event scheduled and not yet sent, taken in the order they happen: by time, then in the
/// order they were scheduled, so a call's events of one second keep the order the call played them.
final class Timeline {
    struct Entry: Comparable {
        let time: Int64
        let order: UInt64
        let event: TimelineEvent

        static func < (lhs: Entry, rhs: Entry) -> Bool {
            (lhs.time, lhs.order) < (rhs.time, rhs.order)
        }

        static func == (lhs: Entry, rhs: Entry) -> Bool {
            (lhs.time, lhs.order) == (rhs.time, rhs.order)
        }
    }

    private var pending = MinHeap<Entry>()
    private var scheduled: UInt64 = 0

    func schedule(_ event: TimelineEvent, at time: Int64) {
        scheduled += 1
        pending.insert(Entry(time: time, order: scheduled, event: event))
    }

    func schedule(_ call: CallScript) {
        for event in call.events {
            schedule(.session(event), at: event.time)
        }
    }

    var count: Int { pending.count }

    /// When the next event happens; nil when none is pending.
    var nextTime: Int64? { pending.min?.time }

    func takeNext() -> Entry? {
        pending.removeMin()
    }
}

/// A binary min-heap.
struct MinHeap<Element: Comparable> {
    private var items: [Element] = []

    var min: Element? { items.first }

    var count: Int { items.count }

    mutating func insert(_ item: Element) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func removeMin() -> Element? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let smallest = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smaller = parent
            if left < items.count, items[left] < items[smaller] { smaller = left }
            if right < items.count, items[right] < items[smaller] { smaller = right }
            guard smaller != parent else { break }
            items.swapAt(parent, smaller)
            parent = smaller
        }
        return smallest
    }
}
