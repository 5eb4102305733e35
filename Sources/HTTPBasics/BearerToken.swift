import Hummingbird

extension Request {
    /// Whether the request may go on under `--token`: it carries `Authorization: Bearer SECRET`, or
    /// no token is demanded.
    public func isAuthorized(by token: String?) -> Bool {
        token.map { headers[.authorization] == "Bearer \($0)" } ?? true
    }
}

extension Response {
    /// 401: what `--token` answers a request without the right bearer header; nothing is stored.
    public static var unauthorized: Response { .error(.unauthorized, "missing or wrong bearer token") }
}
