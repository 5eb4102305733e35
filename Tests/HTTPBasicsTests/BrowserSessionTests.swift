@testable import HTTPBasics
import Testing

/// The browser's sign-in cookie: only this token's, only for 30 days, never the token itself.
@Suite struct BrowserSessionTests {
    let session = BrowserSession(token: "s3cret")
    let now: Int64 = 1_790_000_000

    @Test func itsOwnValueOpensForThirtyDaysAndNoLonger() {
        let value = session.value(issued: now)
        #expect(session.accepts(value, now: now))
        #expect(session.accepts(value, now: now + BrowserSession.lifetime))
        #expect(!session.accepts(value, now: now + BrowserSession.lifetime + 1))
        // A clock a little behind the one that issued it; not one from the future.
        #expect(session.accepts(value, now: now - 30))
        #expect(!session.accepts(session.value(issued: now + 3600), now: now))
    }

    @Test func anotherTokensValueOrAnAlteredOneIsRefused() {
        let value = session.value(issued: now)
        #expect(!BrowserSession(token: "s3cret2").accepts(value, now: now))
        let later = "\(now + 1)" + value.drop { $0 != "-" }
        #expect(!session.accepts(later, now: now + 1))
        for broken in ["", "-", "\(now)", "\(now)-", "x-" + value, value + "0", String(value.dropLast())] {
            #expect(!session.accepts(broken, now: now), "\(broken)")
        }
    }

    @Test func theCookieNamesItsTokenWithoutHoldingIt() {
        #expect(session.signIn(with: "s3cret2", now: now) == nil)
        let cookie = session.signIn(with: "s3cret", now: now)!
        #expect(cookie.name == session.cookieName && cookie.name != BrowserSession(token: "other").cookieName)
        #expect(cookie.name.hasPrefix("astercdr_") && cookie.name.count == 21)
        #expect(!cookie.description.contains("s3cret"))
        // The attributes come in no set order.
        func parts(_ text: String) -> (first: Substring, attributes: Set<Substring>) {
            let parts = text.split(separator: "; ")
            return (parts[0], Set(parts.dropFirst()))
        }
        let signIn = parts(cookie.description), signOut = parts(session.signOut.description)
        #expect(signIn.first == "\(cookie.name)=\(session.value(issued: now))")
        #expect(signIn.attributes == ["Max-Age=2592000", "Path=/", "HttpOnly", "SameSite=Strict"])
        #expect(signOut.first == "\(cookie.name)=" && signOut.attributes == ["Max-Age=0", "Path=/", "HttpOnly", "SameSite=Strict"])
    }
}
