import Crypto
import Foundation
import Hummingbird

/// `--token` as the live view takes it: the bearer header, or, for a browser, which cannot send
/// one by itself, a cookie. How a browser shows the token without it ever being in a URL (and so in a log, a history or a
/// Referer): the sign-in form posts the token once to `/api/login`, which answers with a cookie
/// the browser sends back by itself. The cookie is HttpOnly (no script reads it) and
/// SameSite=Strict (no other site's page makes the browser send it). It holds not the token but
/// when it was issued and an HMAC of that, keyed by the token: it opens the live view's reads and
/// nothing else, never the event receiver; the token cannot be recovered from it; it is refused
/// once 30 days old, or as soon as astercdr runs with another token.
public struct BrowserSession: Sendable {
    /// A wallboard screen stays signed in for 30 days after its sign-in.
    public static let lifetime: Int64 = 30 * 86_400

    let token: String
    private let key: SymmetricKey
    /// `astercdr_` and a tag of the token: two astercdrs on one host (cookies ignore ports) with
    /// different tokens keep their cookies apart instead of signing each other's screens out.
    public let cookieName: String

    public init(token: String) {
        self.token = token
        key = SymmetricKey(data: Data(token.utf8))
        cookieName = "astercdr_" + Self.hex(HMAC<SHA256>.authenticationCode(for: Data("astercdr cookie name".utf8), using: key)).prefix(12)
    }

    /// The cookie's value for a sign-in at `issued` (epoch seconds): `ISSUED-HMAC` in hex.
    func value(issued: Int64) -> String {
        "\(issued)-" + Self.hex(HMAC<SHA256>.authenticationCode(for: Data("astercdr browser session \(issued)".utf8), using: key))
    }

    /// Whether `value` is one this token issued, at most `lifetime` ago.
    func accepts(_ value: String, now: Int64) -> Bool {
        guard let dash = value.firstIndex(of: "-"), let issued = Int64(value[..<dash]),
              issued <= now + 60, now - issued <= Self.lifetime else { return false }
        return Secret.matches(value, self.value(issued: issued))
    }

    /// The `Set-Cookie` that signs a browser in at `now`, when `given` (the sign-in form's) is the
    /// token; nil when it is not.
    public func signIn(with given: String, now: Int64) -> Cookie? {
        guard Secret.matches(given, token) else { return nil }
        return Cookie(name: cookieName, value: value(issued: now), maxAge: Int(Self.lifetime), path: "/", httpOnly: true, sameSite: .strict)
    }

    /// The `Set-Cookie` that signs it out: the same cookie, expired.
    public var signOut: Cookie {
        Cookie(name: cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict)
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}

extension Request {
    /// Whether the request may read the live view under `session` (nil: no `--token`): the bearer
    /// header, or the browser's sign-in cookie.
    public func mayReadLiveView(under session: BrowserSession?) -> Bool {
        guard let session, !isAuthorized(by: session.token) else { return true }
        guard let cookie = cookies[session.cookieName] else { return false }
        return session.accepts(cookie.value, now: Int64(Date().timeIntervalSince1970))
    }

    /// Whether a browser sent it from one of astercdr's own pages, or it came from no page at all
    /// (a script, curl): the sign-in and sign-out forms answer nothing else, so another site's
    /// page cannot sign a screen out or in.
    public var isFromOwnPage: Bool {
        guard let site = headers[.secFetchSite] else { return true }
        return site == "same-origin" || site == "none"
    }
}
