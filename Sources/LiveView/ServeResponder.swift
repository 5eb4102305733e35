import HTTPBasics
import Hummingbird

/// `astercdr serve`: the live view and `/healthz`, read-only. It has no writer, so no path stores
/// events; a path the live view does not serve is 404.
public struct ServeResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    let liveView: LiveView
    /// astercdr's release (digits and dots), reported by `/healthz` as the receiver reports it.
    let version: String

    public init(liveView: LiveView, version: String) {
        self.liveView = liveView
        self.version = version
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        guard request.uri.path == ReservedPaths.health else {
            return try await liveView.respond(to: request, context: context)
        }
        guard request.method == .get else { return .methodNotAllowed(allow: "GET") }
        return .json(.ok, #"{"status":"ok","version":"\#(version)"}"#)
    }
}
