import Foundation
import SQLite

/// A fresh folder for one test, removed afterwards, and the database in it. Each suite adds what
/// it runs against the database as an extension of its own.
public struct Workspace: Sendable {
    public let dir: URL
    public var dbPath: String { dir.appendingPathComponent("cdr.db").path }

    public static func with(_ body: (Workspace) async throws -> Void) async throws {
        try await withTemporaryDirectory { try await body(Workspace(dir: $0)) }
    }

    public func database() throws -> Database {
        try Database(path: dbPath)
    }

    /// The stored events' lines, in the order they were stored.
    public func payloads() throws -> [String] {
        try database().column("SELECT payload FROM raw_events ORDER BY id")
    }

    /// How many events are stored.
    public func count() throws -> Int {
        Int(try database().scalarInt("SELECT count(*) FROM raw_events") ?? 0)
    }
}
