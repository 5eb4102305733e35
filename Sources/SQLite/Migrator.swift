/// One numbered schema change, applied once, in its own transaction.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}

public enum MigrationError: Error, CustomStringConvertible {
    /// The database was written by a newer version of the program; it is left untouched.
    case newerSchema(found: Int, known: Int)
    case failed(migration: String, SQLiteError)

    public var description: String {
        switch self {
        case .newerSchema(let found, let known):
            "its schema version is \(found), newer than this program understands (\(known)); use a newer astercdr"
        case .failed(let migration, let error):
            "migration \(migration) failed: \(error)"
        }
    }
}

/// Applies migrations in version order and records each in `schema_migrations`.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(_ migrations: [Migration]) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    public var latestVersion: Int { migrations.last?.version ?? 0 }

    /// The newest version recorded in the database, 0 for a new one. Only reads.
    public func appliedVersion(of db: Database) throws(SQLiteError) -> Int {
        guard try db.tableExists("schema_migrations") else { return 0 }
        return Int(try db.scalarInt("SELECT max(version) FROM schema_migrations") ?? 0)
    }

    /// Refuses a newer database before writing anything to it, then applies what is missing, each
    /// migration in a transaction of its own that reads the version under the write lock: two
    /// programs opening a new database at once apply each migration once.
    public func migrate(_ db: Database) throws(MigrationError) {
        let applied: Int
        do {
            applied = try appliedVersion(of: db)
        } catch {
            throw .failed(migration: "check", error)
        }
        guard applied <= latestVersion else {
            throw .newerSchema(found: applied, known: latestVersion)
        }
        for migration in migrations where migration.version > applied {
            do {
                try db.transaction { () throws(SQLiteError) in
                    // Another program may have applied it while this one waited for the lock.
                    guard try appliedVersion(of: db) < migration.version else { return }
                    try db.execute("""
                        CREATE TABLE IF NOT EXISTS schema_migrations (
                            version INTEGER PRIMARY KEY,
                            name TEXT NOT NULL,
                            applied_at TEXT NOT NULL
                        ) STRICT
                        """)
                    try db.execute(migration.sql)
                    let record = try db.prepare(
                        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")
                    try record.bind(Int64(migration.version), at: 1)
                    try record.bind(migration.name, at: 2)
                    try record.run()
                }
            } catch {
                throw .failed(migration: migration.name, error)
            }
        }
    }
}
