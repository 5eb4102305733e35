import SQLite

extension CallStore {
    /// The stored position of a resumable source, nil when it never committed anything.
    public func cursorPosition(for origin: String) throws(StoreError) -> String? {
        do {
            let select = try database.prepare("SELECT position FROM ingest_cursors WHERE origin = ?")
            try select.bind(origin, at: 1)
            return try select.step() ? select.text(at: 0) : nil
        } catch {
            throw .failed(path: path, error)
        }
    }
}
