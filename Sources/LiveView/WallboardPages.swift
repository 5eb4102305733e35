import Crypto
import Foundation
import Hummingbird

/// The wallboard and its sign-in page, put together once from the files of `Wallboard/` (compiled
/// into the binary, so the page needs nothing from anywhere else), and the Content-Security-Policy
/// they are served with: only their own style and script run (by hash), the script reaches only
/// astercdr, and no HTML sink is open to it (Trusted Types), so a value that holds markup stays text.
struct WallboardPages: Sendable {
    let board: String
    /// The board with a sign-out button, for when a token guards it.
    let boardSignedIn: String
    let signIn: String
    let signInRefused: String
    let policy: String

    init() {
        let style = Self.text(PackageResources.wallboard_css)
        let script = Self.text(PackageResources.wallboard_js)
        let page = Self.text(PackageResources.wallboard_html)
            .replacingOccurrences(of: "/*STYLE*/", with: style)
            .replacingOccurrences(of: "/*SCRIPT*/", with: script)
        board = page.replacingOccurrences(of: "<!--SIGN-OUT-->", with: "")
        boardSignedIn = page.replacingOccurrences(
            of: "<!--SIGN-OUT-->", with: #"<form method="post" action="/api/logout"><button type="submit">Sign out</button></form>"#)
        let form = Self.text(PackageResources.sign_in_html).replacingOccurrences(of: "/*STYLE*/", with: style)
        signIn = form.replacingOccurrences(of: "<!--MESSAGE-->", with: "")
        signInRefused = form.replacingOccurrences(
            of: "<!--MESSAGE-->", with: #"<p class="refused" role="alert">That is not the token astercdr was started with.</p>"#)
        let policy: ContentSecurityPolicy = [
            .defaultSrc(.none),
            .scriptSrc(.hash(.sha256, base64: Self.digest(script))),
            .styleSrc(.hash(.sha256, base64: Self.digest(style))),
            .connectSrc(.self),
            .imgSrc("data:"),
            .formAction(.self),
            .frameAncestors(.none),
            .baseURI(.none),
            .requireTrustedTypesFor(.script),
        ]
        self.policy = policy.description
    }

    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private static func digest(_ text: String) -> String {
        Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString()
    }
}

extension Response {
    /// An HTML page of the live view: never cached (it holds the floor, or asks for the token), never framed.
    static func page(_ status: HTTPResponse.Status, _ html: String, policy: String) -> Response {
        var headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8", .contentSecurityPolicy: policy, .cacheControl: "no-store",
            .xContentTypeOptions: "nosniff",
        ]
        if let referrerPolicy = HTTPFields.Element.Name("Referrer-Policy") { headers[referrerPolicy] = "no-referrer" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// 303 to `location`, as a form's answer (the browser then GETs it), setting `cookie`.
    static func seeOther(_ location: String, setting cookie: Cookie) -> Response {
        var response = Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
        response.setCookie(cookie)
        return response
    }
}
