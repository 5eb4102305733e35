import SQLite

/// The read side of a database for reports and listings: statements on a connection that cannot
/// write, each command's queries in one snapshot.
public final class StoreReader {
    private let database: Database

    init(_ database: Database) throws(SQLiteError) {
        self.database = database
        // A report never writes; this makes sure of it, also on a connection that could.
        try database.execute("PRAGMA query_only = 1")
        // Sorts and materialized sets of a month of calls stay in memory.
        try database.execute("PRAGMA temp_store = MEMORY")
        try database.execute("PRAGMA cache_size = -65536")
        // A month's report reads most pages of the parties; mapped, they are not copied.
        try database.execute("PRAGMA mmap_size = 1073741824")
    }

    public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        try database.prepare(sql)
    }

    /// Changes whenever another connection (the ingester) commits: two reads between which it has
    /// not changed see the same data.
    public func commitsSeen() throws(SQLiteError) -> Int64 {
        try database.dataVersion()
    }

    /// Runs `body` in one read transaction, so that every query of a command sees the same calls
    /// while an ingester goes on writing.
    public func snapshot<T>(_ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        try database.execute("BEGIN")
        do {
            let result = try body()
            try database.execute("COMMIT")
            return result
        } catch {
            try? database.execute("ROLLBACK")
            throw error
        }
    }
}

extension CallStore {
    /// A reader over this store's connection; from then on the connection only reads.
    public func reader() throws(StoreError) -> StoreReader {
        do {
            return try StoreReader(database)
        } catch {
            throw .failed(path: path, error)
        }
    }
}
