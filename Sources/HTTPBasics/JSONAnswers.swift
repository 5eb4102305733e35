import CallEvents
import Hummingbird

extension Response {
    /// `text` and a line end, as `application/json`.
    public static func json(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text + "\n")))
    }

    /// `{"error": message}` with `status`.
    public static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        .json(status, #"{"error":"# + JSONString.literal(message) + "}")
    }

    /// 404 for a path nothing answers, naming it.
    public static func notFound(_ path: String) -> Response {
        .error(.notFound, "nothing is served at \(path)")
    }

    /// 405 with the methods the path answers.
    public static func methodNotAllowed(allow: String) -> Response {
        var response = Response.error(.methodNotAllowed, "this path answers \(allow) only; nothing is stored")
        response.headers[.allow] = allow
        return response
    }
}
