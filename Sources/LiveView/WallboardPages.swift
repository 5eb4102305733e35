import Crypto
import Foundation
import HTTPBasics
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
        let signOut = #"<form method="post" action="/api/logout"><button type="submit">Sign out</button></form>"#
        board = Self.fill(page, ["/*STYLE*/": style, "/*SCRIPT*/": script, "<!--SIGN-OUT-->": ""])
        boardSignedIn = Self.fill(page, ["/*STYLE*/": style, "/*SCRIPT*/": script, "<!--SIGN-OUT-->": signOut])
        let form = Self.text(PackageResources.sign_in_html)
        signIn = Self.fill(form, ["/*STYLE*/": style, "<!--MESSAGE-->": ""])
        signInRefused = Self.fill(form, [
            "/*STYLE*/": style,
            "<!--MESSAGE-->": #"<p class="refused" role="alert">That is not the token astercdr was started with.</p>"#,
        ])
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

    /// `template` with each marker replaced, markers looked for in the template's own text only:
    /// never in a style or script put in for another, which must reach the browser exactly as hashed.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        var filled = ""
        var rest = Substring(template)
        while let (marker, range) = values.keys.compactMap({ marker in rest.range(of: marker).map { (marker, $0) } })
            .min(by: { $0.1.lowerBound < $1.1.lowerBound }) {
            filled += rest[..<range.lowerBound] + values[marker]!
            rest = rest[range.upperBound...]
        }
        return filled + rest
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
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8", .contentSecurityPolicy: policy, .cacheControl: "no-store",
                .xContentTypeOptions: "nosniff", .referrerPolicy: "no-referrer",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// 303 to `location`, as a form's answer (the browser then GETs it), setting `cookie` if any.
    static func seeOther(_ location: String, setting cookie: Cookie? = nil) -> Response {
        var response = Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
        if let cookie { response.setCookie(cookie) }
        return response
    }
}
