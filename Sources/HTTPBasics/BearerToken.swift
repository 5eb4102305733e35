import Crypto
import Foundation
import Hummingbird

extension Request {
    /// Whether the request may go on under `--token`: it carries `Authorization: Bearer SECRET`, or
    /// no token is demanded.
    public func isAuthorized(by token: String?) -> Bool {
        guard let token else { return true }
        return headers[.authorization].map { Secret.matches($0, "Bearer \(token)") } ?? false
    }
}

extension Response {
    /// 401: what `--token` answers a request without the right bearer header; nothing is stored.
    public static var unauthorized: Response {
        var response = Response.error(.unauthorized, "missing or wrong bearer token")
        response.headers[.wwwAuthenticate] = "Bearer"
        return response
    }
}

/// Comparing secrets without telling, by how long a comparison takes, how much of a guess was right.
enum Secret {
    static func matches(_ given: String, _ expected: String) -> Bool {
        // Digests are compared in constant time, and hashing first makes the lengths equal.
        SHA256.hash(data: Data(given.utf8)) == SHA256.hash(data: Data(expected.utf8))
    }
}
