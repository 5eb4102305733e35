import CallEvents
import Foundation
import HTTPBasics
import Hummingbird
import Prometheus
import Reports

/// The live view's paths (docs/http.md), for `ingest --listen` and `serve` alike: the wallboard
/// page (`GET /wallboard`) and its JSON (`GET /api/wallboard`), `GET /metrics` in the Prometheus
/// text format, `GET /api/now` as the JSON of `astercdr now`, and the browser's sign-in
/// (`POST /api/login`, `POST /api/logout`). With a token, every read needs it: the bearer header,
/// or the cookie the sign-in sets. Nothing here stores anything: there is no writer here.
public struct LiveView: HTTPResponder {
    public typealias Context = BasicRequestContext

    let reader: FloorReader
    let registry: PrometheusCollectorRegistry
    let gauges: FloorGauges
    /// `--token`, as the bearer header or a browser's cookie; nil without one.
    let session: BrowserSession?
    let pages = WallboardPages()

    /// `registry`: the process's, which the writer's metrics (if any) count in too; the floor's
    /// gauges are added to it.
    public init(reader: FloorReader, registry: PrometheusCollectorRegistry, token: String?) {
        self.reader = reader
        self.registry = registry
        gauges = FloorGauges(factory: PrometheusMetricsFactory(registry: registry))
        session = token.map(BrowserSession.init(token:))
    }

    static let reads: Set = ["/wallboard", "/api/wallboard", "/metrics", "/api/now"]
    static let signInPaths: Set = ["/api/login", "/api/logout"]

    public func respond(to request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        if Self.signInPaths.contains(path) {
            guard request.method == .post else { return .methodNotAllowed(allow: "POST") }
            guard request.isFromOwnPage else { return .error(.forbidden, "sign in and out from astercdr's own page") }
            guard let session else { return .seeOther("/wallboard") }
            return path == "/api/login" ? try await signIn(request, session) : .seeOther("/wallboard", setting: session.signOut)
        }
        guard request.mayReadLiveView(under: session) else {
            // A person at a browser is asked for the token; anything else is told what is missing.
            return path == "/wallboard" && request.method == .get ? .page(.unauthorized, pages.signIn, policy: pages.policy) : .unauthorized
        }
        guard Self.reads.contains(path) else { return .notFound(path) }
        guard request.method == .get else { return .methodNotAllowed(allow: "GET") }
        if path == "/wallboard" {
            return .page(.ok, session == nil ? pages.board : pages.boardSignedIn, policy: pages.policy)
        }
        do {
            if path == "/metrics" {
                return Response(
                    status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: try await metrics())))
            }
            switch NowQuery.moment(request.uri.queryParameters["at"].map(String.init)) {
            case .success(let moment):
                let json = try await floor(at: moment, wallboard: path == "/api/wallboard")
                return Response(
                    status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: json)))
            case .failure(let refusal): return .error(.badRequest, refusal.message)
            }
        } catch {
            context.logger.error("the live view could not read the database", metadata: ["error": "\(error)"])
            return .error(.serviceUnavailable, "the database could not be read: \(error)")
        }
    }

    /// `POST /api/login` with the form's `token=SECRET`: the right token signs the browser in and
    /// sends it to the wallboard; a wrong one shows the form again, saying so.
    private func signIn(_ request: Request, _ session: BrowserSession) async throws -> Response {
        struct SignInForm: Decodable {
            let token: String
        }
        // A form holding a token is small; anything larger is not one.
        let body = try? await request.body.collect(upTo: 16 << 10)
        let form = body.flatMap { try? URLEncodedFormDecoder().decode(SignInForm.self, from: String(buffer: $0)) }
        guard let form, let cookie = session.signIn(with: form.token, now: Int64(Date().timeIntervalSince1970)) else {
            return .page(.unauthorized, pages.signInRefused, policy: pages.policy)
        }
        return .seeOther("/wallboard", setting: cookie)
    }

    /// The floor's gauges set from one snapshot, and the whole registry exported, in one step of
    /// the reader's queue, so that two scrapes at once never mix their figures.
    private func metrics() async throws -> [UInt8] {
        let (gauges, registry) = (gauges, registry)
        return try await reader.read { reports in
            gauges.record(try reports.floor(at: nil))
            return registry.emitToBuffer()
        }
    }

    /// What `astercdr now --format json` prints at `moment` (nil: now), or with `wallboard` the
    /// wallboard's JSON: that and today hour by hour.
    private func floor(at moment: CivilTime?, wallboard: Bool) async throws -> String {
        if wallboard, moment == nil { return try await reader.wallboardNow() }
        return try await reader.read { reports in
            let json = TextBuffer()
            if wallboard {
                try reports.writeWallboard(at: moment, to: json)
            } else {
                try reports.writeNow(at: moment, format: .json, to: json)
            }
            return json.text
        }
    }
}
