import CallEvents
import HTTPBasics
import Hummingbird
import Prometheus
import Reports

/// The live view's paths (docs/http.md), for `ingest --listen` and `serve` alike: `GET /metrics`
/// in the Prometheus text format and `GET /api/now` as the JSON of `astercdr now`. With a token,
/// both need it. Any other method, and any other path, stores nothing: there is no writer here.
public struct LiveView: HTTPResponder {
    public typealias Context = BasicRequestContext

    let reader: FloorReader
    let registry: PrometheusCollectorRegistry
    let gauges: FloorGauges
    let token: String?

    /// `registry`: the process's, which the writer's metrics (if any) count in too; the floor's
    /// gauges are added to it.
    public init(reader: FloorReader, registry: PrometheusCollectorRegistry, token: String?) {
        self.reader = reader
        self.registry = registry
        gauges = FloorGauges(factory: PrometheusMetricsFactory(registry: registry))
        self.token = token
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        guard request.isAuthorized(by: token) else { return .unauthorized }
        guard Self.paths.contains(request.uri.path) else { return .notFound(request.uri.path) }
        guard request.method == .get else { return .methodNotAllowed(allow: "GET") }
        do {
            if request.uri.path == "/metrics" {
                return Response(
                    status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: try await metrics())))
            }
            switch NowQuery.moment(request.uri.queryParameters["at"].map(String.init)) {
            case .success(let moment):
                return Response(
                    status: .ok, headers: [.contentType: "application/json"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: try await now(at: moment))))
            case .failure(let refusal): return .error(.badRequest, refusal.message)
            }
        } catch {
            context.logger.error("the live view could not read the database", metadata: ["error": "\(error)"])
            return .error(.serviceUnavailable, "the database could not be read: \(error)")
        }
    }

    static let paths: Set = ["/metrics", "/api/now"]

    /// The floor's gauges set from one snapshot, and the whole registry exported, in one step of
    /// the reader's queue, so that two scrapes at once never mix their figures.
    private func metrics() async throws -> [UInt8] {
        let (gauges, registry) = (gauges, registry)
        return try await reader.read { reports in
            gauges.record(try reports.floor(at: nil))
            return registry.emitToBuffer()
        }
    }

    /// What `astercdr now --format json` prints at `moment` (nil: now).
    private func now(at moment: CivilTime?) async throws -> String {
        try await reader.read { reports in
            let json = TextBuffer()
            try reports.writeNow(at: moment, format: .json, to: json)
            return json.text
        }
    }
}
