import Foundation

/// The sign-in form's body, `application/x-www-form-urlencoded` as a browser posts it.
enum SignInForm {
    /// The value of its `token` field, decoded (`+` is a space), or nil when there is none.
    static func token(in body: String) -> String? {
        for field in body.split(separator: "&") {
            let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == "token" else { continue }
            return String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
        return nil
    }
}
