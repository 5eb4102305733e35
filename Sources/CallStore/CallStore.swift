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
        /// Create the database when it does not exist, and write to it, without the one-ingester
        /// lock: for tests and the fuzz harness, which open several writers in one process.
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
        if access == .ingest {
            let locked: Bool
            do throws(SQLiteError) {
                locked = try database.lockAsOnlyWriter()
            } catch {
                throw .cannotOpen(path: path, error)
            }
            guard locked else { throw .anotherIngester(path: path) }
        }
        let applied: Int
        do throws(SQLiteError) {
            // The version check reads only, so a newer database is left exactly as it was.
            applied = try Self.migrator.appliedVersion(of: database)
            if applied <= Self.migrator.latestVersion {
                try database.execute("PRAGMA journal_mode = WAL")
                // A sqlite3 shell may open the file at any moment, even as astercdr exits.
                try database.checkpointWithoutLockingOnClose()
                // A commit is on disk before any source acknowledges what it covers.
                try database.execute("PRAGMA synchronous = FULL")
                // 8 MiB of page cache holds the pages a batch writes (the tails of the arrival-ordered
                // tables and indexes); measured, 16 MiB is no faster and costs the memory.
                try database.execute("PRAGMA cache_size = -8192")
                // Fewer, larger checkpoints: an index page dirtied by many batches is copied back once.
                try database.execute("PRAGMA wal_autocheckpoint = 10000")
            }
        } catch {
            throw Self.openFailure(path: path, error)
        }
        if applied > Self.migrator.latestVersion {
            throw .newerSchema(path: path, .newerSchema(found: applied, known: Self.migrator.latestVersion))
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
        try fillInAfterUpgrade()
    }

    /// A migration whose new columns and tables come from the stored events (version 4: the
    /// agent key and ACW of every call, every agent's intervals) leaves `pending_rebuild` in
    /// `settings`; they are filled in here, in chunks, and the mark goes last, so a run stopped
    /// half-way does it again.
    private func fillInAfterUpgrade() throws(StoreError) {
        let pending: Bool
        do {
            pending = try Self.hasPendingRebuild(database)
        } catch {
            throw Self.openFailure(path: path, error)
        }
        guard pending else { return }
        _ = try SessionKeeper(store: self).rebuildAll(staleBefore: .min)
        do {
            try database.execute("DELETE FROM settings WHERE name = 'pending_rebuild'")
        } catch {
            throw Self.openFailure(path: path, error)
        }
    }

    /// A reader's connection: read-only, and never migrating. Where SQLite cannot create the `-shm`
    /// file beside the database (a read-only folder or mount), the file is opened immutable, but only
    /// when no WAL holds rows that immutable reading would leave out.
    private static func openForReading(_ path: String) throws(StoreError) -> (Database, String?) {
        var opened: (Database, Int)?
        do throws(SQLiteError) {
            let database = try Database(path: path, mode: .readOnly)
            opened = (database, try migrator.appliedVersion(of: database))
        } catch {
            guard error.code == .cantOpen || error.extendedCode == readOnlyCantInit else {
                throw openFailure(path: path, error)
            }
        }
        if let (database, version) = opened {
            return (try requireCurrentSchema(database, version: version, path: path), nil)
        }
        let walBytes = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        guard walBytes == 0 else { throw .walUnreadable(path: path) }
        let immutable: Database
        let version: Int
        do throws(SQLiteError) {
            immutable = try Database(path: path, mode: .immutable)
            version = try migrator.appliedVersion(of: immutable)
        } catch {
            throw openFailure(path: path, error)
        }
        return (try requireCurrentSchema(immutable, version: version, path: path),
                "database '\(path)' is read as an unchanging file: SQLite cannot create '\(path)-shm' beside it, and no '\(path)-wal' holds newer rows")
    }

    /// The mark a migration leaves while what it added is still to be filled in from the events.
    private static func hasPendingRebuild(_ database: Database) throws(SQLiteError) -> Bool {
        try database.scalarText("SELECT value FROM settings WHERE name = 'pending_rebuild'") != nil
    }

    /// SQLITE_READONLY_CANTINIT: a read-only connection found no `-shm` and may not create one.
    private static let readOnlyCantInit: Int32 = 8 | (5 << 8)

    /// A reader refuses a database whose schema is not the one this program reads.
    private static func requireCurrentSchema(_ database: Database, version: Int, path: String) throws(StoreError) -> Database {
        if version > migrator.latestVersion {
            throw .newerSchema(path: path, .newerSchema(found: version, known: migrator.latestVersion))
        }
        // An empty file (a sqlite3 shell made it, or a copy went wrong) holds no astercdr database.
        if version == 0 { throw .missing(path: path) }
        if version < migrator.latestVersion {
            throw .needsUpgrade(path: path, found: version, current: migrator.latestVersion)
        }
        let unfinished: Bool
        do {
            unfinished = try hasPendingRebuild(database)
        } catch {
            throw openFailure(path: path, error)
        }
        if unfinished { throw .unfinishedUpgrade(path: path) }
        return database
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
        let storedName: String?
        do throws(SQLiteError) {
            var name = try db.scalarText("SELECT value FROM settings WHERE name = 'timezone'")
            if name == nil, mayWrite {
                // A new database: another program opening it at the same moment may store its zone
                // first, and then that one is the database's.
                let chosen = requested ?? NamedZone(name: TimeZone.current.identifier, zone: TimeZone.current)
                let write = try db.prepare("INSERT INTO settings (name, value) VALUES ('timezone', ?) ON CONFLICT (name) DO NOTHING")
                try write.bind(chosen.name, at: 1)
                try write.run()
                name = try db.scalarText("SELECT value FROM settings WHERE name = 'timezone'")
            }
            storedName = name
        } catch {
            throw openFailure(path: path, error)
        }
        guard let storedName else {
            // A reader of a database that never stored one (it cannot write it).
            return (requested ?? NamedZone(name: TimeZone.current.identifier, zone: TimeZone.current)).zone
        }
        guard let stored = TimeZone(identifier: storedName) else { throw .unknownTimeZone(storedName) }
        if let requested, !Zones.same(stored, requested.zone) {
            throw .timeZoneMismatch(path: path, stored: storedName, requested: requested.name)
        }
        return stored
    }
}
