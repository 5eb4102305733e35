import CallEvents
import Foundation
import Migrations
import SQLite

/// An astercdr database: opened, migrated, with its time zone settled.
public final class CallStore {
    /// The connection itself, only for tests and the fuzz harness to look at rows directly
    /// (`@_spi(Inspection) import CallStore`); product code reads through `reader()` and writes
    /// through `EventWriter` and `SessionKeeper`.
    @_spi(Inspection) public let database: Database
    public let path: String
    /// The zone of every `*_time` column, from the `settings` table.
    public let zone: TimeZone
    /// Something the person should know about how the database was opened (read as immutable), or nil.
    public private(set) var notice: String?

    public enum Access: Sendable {
        /// Create the database when it does not exist, and be its one ingester: a second process
        /// asking for this access while one holds it is refused (SPEC 2: one writer per database).
        case ingest
        /// Create the database when it does not exist, and write to it.
        case create
        /// The database must exist, and be writable (assemble, upgrade).
        case update
        /// The database must exist; it is only read, never written, not even migrated (reports).
        case read
    }

    static let migrator = Migrator(SchemaMigrations.all.map { Migration(version: $0.version, name: $0.name, sql: $0.sql) })

    /// Opens `path`, refusing a database of a newer schema before anything is written to it.
    /// `timeZone` is an IANA name; nil means the stored zone, or the machine's for a new database.
    public init(path: String, access: Access, timeZone requestedZone: String?) throws(StoreError) {
        if access == .read || access == .update, !FileManager.default.fileExists(atPath: path) {
            throw .missing(path: path)
        }
        let requested = try requestedZone.map { name throws(StoreError) -> NamedZone in
            guard let zone = TimeZone(identifier: name) else { throw .unknownTimeZone(name) }
            return NamedZone(name: name, zone: zone)
        }
        self.path = path
        if access == .read {
            (database, notice) = try Self.openForReading(path)
            zone = try Self.storedZone(database, requested: requested, path: path, mayWrite: false)
            return
        }
        do {
            database = try Database(path: path, mode: .readWriteCreate)
        } catch {
            throw .cannotOpen(path: path, error)
        }
        // Refused up front: a read-only connection never becomes writable, so a writer that started
        // on one would fail every commit even after the file is fixed.
        if database.isReadOnly {
            throw .readOnly(path: path)
        }
        do {
            if access == .ingest, try !database.lockAsOnlyWriter() {
                throw StoreError.anotherIngester(path: path)
            }
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
        } catch let error as StoreError {
            throw error
        } catch let error as SQLiteError {
            throw Self.openFailure(path: path, error)
        } catch {
            preconditionFailure("only StoreError and SQLiteError are thrown here: \(error)")
        }
        do {
            try Self.migrator.migrate(database)
        } catch {
            switch error {
            case .newerSchema: throw .newerSchema(path: path, error)
            case .failed(_, let cause): throw Self.openFailure(path: path, cause)
            }
        }
        zone = try Self.storedZone(database, requested: requested, path: path, mayWrite: true)
    }

    /// A reader's connection: read-only, and never migrating. Where SQLite cannot create the `-shm`
    /// file beside the database (a read-only folder or mount), the file is opened immutable, but only
    /// when no WAL holds rows that immutable reading would leave out.
    private static func openForReading(_ path: String) throws(StoreError) -> (Database, String?) {
        let database: Database
        do {
            database = try Database(path: path, mode: .readOnly)
            try checkSchema(database, path: path)
            return (database, nil)
        } catch let error as StoreError {
            throw error
        } catch let error as SQLiteError {
            guard error.code == .cantOpen || error.extendedCode == readOnlyCantInit else {
                throw openFailure(path: path, error)
            }
        } catch {
            preconditionFailure("only StoreError and SQLiteError are thrown here: \(error)")
        }
        let wal = path + "-wal"
        let walBytes = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
        guard walBytes == 0 else { throw .walUnreadable(path: path) }
        do {
            let immutable = try Database(path: path, mode: .immutable)
            try checkSchema(immutable, path: path)
            return (immutable, "database '\(path)' is read as an unchanging file: SQLite cannot create '\(path)-shm' beside it, and no '\(path)-wal' holds newer rows")
        } catch let error as StoreError {
            throw error
        } catch let error as SQLiteError {
            throw openFailure(path: path, error)
        } catch {
            preconditionFailure("only StoreError and SQLiteError are thrown here: \(error)")
        }
    }

    /// SQLITE_READONLY_CANTINIT: a read-only connection found no `-shm` and may not create one.
    private static let readOnlyCantInit: Int32 = 8 | (5 << 8)

    /// A reader refuses a database whose schema is not the one this program reads.
    private static func checkSchema(_ database: Database, path: String) throws {
        let applied = try migrator.appliedVersion(of: database)
        if applied > migrator.latestVersion {
            throw StoreError.newerSchema(path: path, .newerSchema(found: applied, known: migrator.latestVersion))
        }
        if applied < migrator.latestVersion {
            throw StoreError.needsUpgrade(path: path, found: applied, current: migrator.latestVersion)
        }
    }

    /// SQLite reports some unusable files only at the first read; they are open failures to a person.
    private static func openFailure(path: String, _ error: SQLiteError) -> StoreError {
        switch error.code {
        case .cantOpen, .notADatabase: .cannotOpen(path: path, error)
        default: .failed(path: path, error)
        }
    }

    /// An IANA name as the person wrote it (Foundation may report `UTC` as `GMT`), and its zone.
    private struct NamedZone {
        let name: String
        let zone: TimeZone
    }

    /// The stored zone wins; a different one is refused, an alias of it accepted. A new database
    /// stores the requested zone, or the machine's; a reader only reads.
    private static func storedZone(_ db: Database, requested: NamedZone?, path: String, mayWrite: Bool) throws(StoreError) -> TimeZone {
        do {
            var storedName = try db.scalarText("SELECT value FROM settings WHERE name = 'timezone'")
            if storedName == nil, mayWrite {
                // A new database: another program opening it at the same moment may store its zone
                // first, and then that one is the database's.
                let chosen = requested ?? NamedZone(name: TimeZone.current.identifier, zone: TimeZone.current)
                let write = try db.prepare("INSERT INTO settings (name, value) VALUES ('timezone', ?) ON CONFLICT (name) DO NOTHING")
                try write.bind(chosen.name, at: 1)
                try write.run()
                storedName = try db.scalarText("SELECT value FROM settings WHERE name = 'timezone'")
            }
            if let storedName {
                guard let stored = TimeZone(identifier: storedName) else { throw StoreError.unknownTimeZone(storedName) }
                if let requested, !Zones.same(stored, requested.zone) {
                    throw StoreError.timeZoneMismatch(path: path, stored: storedName, requested: requested.name)
                }
                return stored
            }
            // A reader of a database that never stored one (it cannot write it).
            return (requested ?? NamedZone(name: TimeZone.current.identifier, zone: TimeZone.current)).zone
        } catch let error as StoreError {
            throw error
        } catch let error as SQLiteError {
            throw openFailure(path: path, error)
        } catch {
            preconditionFailure("only StoreError and SQLiteError are thrown here: \(error)")
        }
    }
}
