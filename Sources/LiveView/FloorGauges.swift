import AgentStates
import Metrics
import Reports

/// The metrics that come from the database when scraped: the figures of `astercdr now` (calls
/// waiting, calls in progress, agents by state), the same in `ingest --listen` and in `serve`.
struct FloorGauges: Sendable {
    private let waiting: Gauge
    private let inProgress: Gauge
    private let agents: [AgentActivity: Gauge]

    init(factory: any MetricsFactory) {
        waiting = Gauge(label: "astercdr_calls_waiting", factory: factory)
        inProgress = Gauge(label: "astercdr_calls_in_progress", factory: factory)
        agents = Dictionary(uniqueKeysWithValues: AgentActivity.allCases.map {
            ($0, Gauge(label: "astercdr_agents", dimensions: [("state", $0.rawValue)], factory: factory))
        })
    }

    /// Sets every gauge from `floor`; a state no agent is in reads 0.
    func record(_ floor: FloorSnapshot) {
        waiting.record(floor.waiting.count)
        inProgress.record(floor.inProgress.count)
        let byState = Dictionary(grouping: floor.agents, by: \.activity)
        for (state, gauge) in agents {
            gauge.record(byState[state]?.count ?? 0)
        }
    }
}
