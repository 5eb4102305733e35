/// The schema migrations in `migrations/*.sql`, compiled into the binary, in the order they apply.
public enum SchemaMigrations {
    /// (version, name, SQL). Add a line here for each new numbered file, and list the file in Package.swift.
    public static let all: [(version: Int, name: String, sql: String)] = [
        (1, "0001_initial", text(PackageResources._001_initial_sql)),
        (2, "0002_views", text(PackageResources._002_views_sql)),
        (3, "0003_sessions_in_arrival_order", text(PackageResources._003_sessions_in_arrival_order_sql)),
        (4, "0004_agent_states", text(PackageResources._004_agent_states_sql)),
        (5, "0005_agent_intervals_by_start_covering", text(PackageResources._005_agent_intervals_by_start_covering_sql)),
    ]

    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
