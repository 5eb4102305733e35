/// The receiver's paths that are never events, whatever the method (SPEC 4.1): its health, and the
/// live view's pages, metrics and JSON. A path under one of them is reserved too.
public enum ReservedPaths {
    public static let health = "/healthz"
    static let roots = [health, "/wallboard", "/metrics", "/api"]

    public static func contains(_ path: String) -> Bool {
        roots.contains { path == $0 || path.hasPrefix($0 + "/") }
    }
}
