import Hummingbird

/// The header names astercdr uses that HTTPTypes does not name.
extension HTTPFields.Element.Name {
    /// Where a browser says a request came from (`same-origin`, `same-site`, `cross-site`, `none`).
    public static let secFetchSite = Self("Sec-Fetch-Site")!
    public static let referrerPolicy = Self("Referrer-Policy")!
}
