import Foundation
import HTTPBasics
import Hummingbird
import Logging

/// The HTTP receiver (SPEC 4.1): POST on any path with one or more events in the body, or GET with
/// one event as the query string, so asterCC's push address can point straight at it. It answers
/// 200 only after the commit that stored the events; every refusal stores nothing. The paths of
/// `ReservedPaths` are never events: `/healthz` is answered here, the others by the live view.
public struct EventReceiver: HTTPResponder {
    public typealias Context = BasicRequestContext

    let writer: IngestWriter
    let token: String?
    let maxBody: Int
    /// astercdr's release (digits and dots, written into JSON as they are), reported by `/healthz`
    /// so a monitor sees what runs.
    let version: String
    /// Answers the reserved paths other than `/healthz` (it checks the token itself); without it they are 404.
    let liveView: (any HTTPResponder<Context>)?

    public init(writer: IngestWriter, token: String?, maxBody: Int, version: String, liveView: (any HTTPResponder<Context>)? = nil) {
        self.writer = writer
        self.token = token
        self.maxBody = maxBody
        self.version = version
        self.liveView = liveView
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        if request.uri.path == ReservedPaths.health {
            guard request.method == .get else { return .methodNotAllowed(allow: "GET") }
            let totals = writer.totals
            return .json(.ok, #"{"status":"ok","version":"\#(version)","received":\#(totals.received),"parsed":\#(totals.parsed),"rejected":\#(totals.rejected),"duplicates":\#(totals.duplicates),"calls_assembled":\#(totals.callsAssembled)}"#)
        }
        if ReservedPaths.contains(request.uri.path) {
            return try await liveView?.respond(to: request, context: context) ?? .notFound(request.uri.path)
        }
        guard request.isAuthorized(by: token) else { return .unauthorized }
        let body: [UInt8]
        switch request.method {
        case .post, .put:
            if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBody {
                return tooLarge
            }
            do {
                body = Array(buffer: try await request.body.collect(upTo: maxBody))
            } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
                return tooLarge
            }
        case .get:
            body = Array((request.uri.query ?? "").utf8)
        default:
            return .json(.methodNotAllowed, #"{"error":"use POST with events in the body, or GET with one event as the query string"}"#)
        }
        let receipt: DeliveryReceipt
        do {
            receipt = try await writer.deliver(Delivery(origin: "http", body: body))
        } catch {
            context.logger.error("events not stored", metadata: ["error": "\(error)"])
            return .json(.serviceUnavailable, #"{"error":"not stored: the database could not commit; send again"}"#)
        }
        return .json(.ok, #"{"received":\#(receipt.received),"parsed":\#(receipt.parsed),"rejected":\#(receipt.rejected)}"#)
    }

    private var tooLarge: Response {
        .json(.contentTooLarge, #"{"error":"body larger than \#(maxBody) bytes; nothing stored"}"#)
    }
}
