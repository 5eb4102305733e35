import CallEvents
import Foundation
import Migrations
import SQLite

/// An astercdr database: opened, migrated, with its time zone settled.
public final class CallStore {
    public let database: Database
    public let path: String
    /// The zone of every `*_time` column, from the `settings` table.
    public let zone: TimeZone

    public enum Access: Sendable {
        /// Create the database when it does not exist, and write to it (ingest).
        case create
        /// The database must exist, and be writable (assemble).
        case update
        /// The database must exist; it is only read (reports).
        case read
    }

    static let migrator = Migrator(SchemaMigrations.all.map { Migration(version: $0.version, name: $0.name, sql: $0.sql) })

    /// Opens `path`, refusing a database of a newer schema before anything is written to it.
    /// `timeZone` is an IANA name; nil means the stored zone, or the machine's for a new database.
    public init(path: String, access: Access, timeZone requestedZone: String?) throws(StoreError) {
        if access != .create, !FileManager.default.fileExists(atPath: path) {
            throw .missing(path: path)
        }
        let requested = try requestedZone.map { name throws(StoreError) -> NamedZone in
            guard let zone = TimeZone(identifier: name) else { throw .unknownTimeZone(name) }
            return NamedZone(name: name, zone: zone)
        }
        do {
            database = try Database(path: path, mode: .readWriteCreate)
        } catch {
            throw .cannotOpen(path: path, error)
        }
        self.path = path
        // Refused up front: a read-only connection never becomes writable, so a writer that started
        // on one would fail every commit even after the file is fixed.
        if access != .read, database.isReadOnly {
            throw .readOnly(path: path)
        }
        do {
            // The version check reads only, so a newer database is left exactly as it was.
            let applied = try Self.migrator.appliedVersion(of: database)
            if applied > Self.migrator.latestVersion {
                throw StoreError.newerSchema(path: path, .newerSchema(found: applied, known: Self.migrator.latestVersion))
            }
            try database.execute("PRAGMA journal_mode = WAL")
            // A sqlite3 shell may open the file at any moment, even as astercdr exits.
            try database.checkpointWithoutLockingOnClose()
            // A commit is on disk before any source acknowledges what it covers.
            try database.execute("PRAGMA synchronous = FULL")
            // 16 MiB of page cache keeps the hot index pages of a long ingest in memory.
            try database.execute("PRAGMA cache_size = -16384")
            // Fewer, larger checkpoints: an index page dirtied by many batches is copied back once.
            try database.execute("PRAGMA wal_autocheckpoint = 10000")
            try Self.migrator.migrate(database)
            zone = try Self.settleZone(database, requested: requested, path: path)
        } catch let error as StoreError {
            throw error
        } catch let error as SQLiteError {
            throw Self.openFailure(path: path, error)
        } catch let error as MigrationError {
            switch error {
            case .newerSchema: throw .newerSchema(path: path, error)
            case .failed(_, let cause): throw Self.openFailure(path: path, cause)
            }
        } catch {
            preconditionFailure("unexpected error opening the database: \(error)")
        }
    }

    /// SQLite reports some unusable files only at the first read; they are open failures to a person.
    private static func openFailure(path: String, _ error: SQLiteError) -> StoreError {
        switch error.primaryCode {
        case 14, 26: .cannotOpen(path: path, error)
        default: .failed(path: path, error)
        }
    }

    /// An IANA name as the person wrote it (Foundation may report `UTC` as `GMT`), and its zone.
    private struct NamedZone {
        let name: String
        let zone: TimeZone
    }

    /// The stored zone wins; a different one is refused, an alias of it accepted.
    private static func settleZone(_ db: Database, requested: NamedZone?, path: String) throws -> TimeZone {
        let read = try db.prepare("SELECT value FROM settings WHERE name = 'timezone'")
        if try read.step(), let storedName = read.text(at: 0) {
            guard let stored = TimeZone(identifier: storedName) else { throw StoreError.unknownTimeZone(storedName) }
            if let requested, !Zones.same(stored, requested.zone) {
                throw StoreError.timeZoneMismatch(path: path, stored: storedName, requested: requested.name)
            }
            return stored
        }
        let chosen = requested ?? NamedZone(name: TimeZone.current.identifier, zone: TimeZone.current)
        let write = try db.prepare("INSERT INTO settings (name, value) VALUES ('timezone', ?)")
        write.bind(chosen.name, at: 1)
        try write.run()
        return chosen.zone
    }
}
