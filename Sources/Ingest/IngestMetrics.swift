import CallAssembly
import CallStore
import Metrics

/// What the writer did, as metrics (docs/http.md): events by source, calls completed by
/// disposition, how long commits take and how many events wait. Made through swift-metrics with
/// the factory the process hands in, never a global one, so that each process (and each test)
/// counts in a registry of its own.
public struct IngestMetrics: Sendable {
    private let received: [EventSourceKind: Counter]
    private let rejected: [EventSourceKind: Counter]
    private let duplicates: [EventSourceKind: Counter]
    private let completed: [Disposition: Counter]
    private let commitDuration: Metrics.Timer
    private let queued: Gauge

    /// Every series is made up front, so a scraper sees each at 0 before its first event.
    public init(factory: any MetricsFactory) {
        func bySource(_ name: String) -> [EventSourceKind: Counter] {
            Dictionary(uniqueKeysWithValues: EventSourceKind.allCases.map {
                ($0, Counter(label: name, dimensions: [("source", $0.rawValue)], factory: factory))
            })
        }
        received = bySource("astercdr_events_received_total")
        rejected = bySource("astercdr_events_rejected_total")
        duplicates = bySource("astercdr_events_duplicate_total")
        completed = Dictionary(uniqueKeysWithValues: Disposition.allCases.map {
            ($0, Counter(label: "astercdr_calls_completed_total", dimensions: [("disposition", $0.rawValue)], factory: factory))
        })
        commitDuration = Metrics.Timer(label: "astercdr_commit_duration_seconds", factory: factory)
        queued = Gauge(label: "astercdr_write_queue_events", factory: factory)
    }

    /// Counts nothing: for a writer nobody scrapes.
    public static let none = IngestMetrics(factory: NOOPMetricsHandler.instance)

    /// A commit that took `duration` and stored `counts`.
    func committed(_ counts: IngestCounts, took duration: Duration) {
        commitDuration.record(duration: duration)
        for (origin, source) in counts.bySource {
            guard let kind = EventSourceKind(origin: origin) else { continue }
            received[kind]!.increment(by: source.received)
            rejected[kind]!.increment(by: source.rejected)
            duplicates[kind]!.increment(by: source.duplicates)
        }
        for (disposition, calls) in counts.completed {
            completed[disposition]!.increment(by: calls)
        }
    }

    /// Events now waiting for the writer.
    func waiting(events: Int) {
        queued.record(events)
    }
}

/// The `source` label of an event: the kind of source its origin names.
enum EventSourceKind: String, CaseIterable {
    case file, stdin, http, subscribe

    /// nil for an origin none of the sources makes (a test's own).
    init?(origin: String) {
        if origin.hasPrefix("file:") {
            self = .file
        } else if origin.hasPrefix("subscribe:") {
            self = .subscribe
        } else if origin == "stdin" || origin == "http" {
            self.init(rawValue: origin)
        } else {
            return nil
        }
    }
}
