import Crypto
import Foundation
import Hummingbird

/// How a browser shows `--token` without it ever being in a URL (and so in a log, a history or a
/// Referer): the sign-in form posts the token once to `/api/login`, which answers with a cookie
/// the browser sends back by itself. The cookie is HttpOnly (no script reads it) and
/// SameSite=Strict (no other site's page makes the browser send it). It holds not the token but
/// an HMAC of it: it opens the live view's reads and nothing else, never the event receiver, and
/// the token cannot be recovered from it. It lasts as long as the token does, across restarts.
public enum BrowserSession {
    public static let cookieName = "astercdr_session"
    /// A wallboard screen stays signed in for 30 days after its sign-in.
    static let lifetime = 30 * 86_400

    /// The cookie's value under `token`: HMAC-SHA256 of a fixed label, keyed by the token, in hex.
    static func value(for token: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(
            for: Data("astercdr browser session".utf8), using: SymmetricKey(data: Data(token.utf8)))
        return code.map { String(format: "%02x", $0) }.joined()
    }

    /// Whether the sign-in form's `given` is `token`.
    public static func isToken(_ given: String, _ token: String) -> Bool {
        Secret.matches(given, token)
    }

    /// The `Set-Cookie` that signs a browser in under `token`.
    public static func signIn(_ token: String) -> Cookie {
        Cookie(name: cookieName, value: value(for: token), maxAge: lifetime, path: "/", httpOnly: true, sameSite: .strict)
    }

    /// The `Set-Cookie` that signs it out: the same cookie, expired.
    public static var signOut: Cookie {
        Cookie(name: cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict)
    }
}

extension Request {
    /// Whether the request may read the live view under `--token`: the bearer header, or the
    /// browser's sign-in cookie.
    public func mayReadLiveView(under token: String?) -> Bool {
        guard let token, !isAuthorized(by: token) else { return true }
        return cookies[BrowserSession.cookieName].map { Secret.matches($0.value, BrowserSession.value(for: token)) } ?? false
    }
}
