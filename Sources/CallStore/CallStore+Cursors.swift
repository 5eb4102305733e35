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

extension CallStore {
    /// Every stored position whose origin starts with `prefix` (`file:`), in origin order.
    public func cursorPositions(originPrefix prefix: String) throws(StoreError) -> [(origin: String, position: String)] {
        do {
            let select = try database.prepare("SELECT origin, position FROM ingest_cursors WHERE substr(origin, 1, length(?1)) = ?1 ORDER BY origin")
            try select.bind(prefix, at: 1)
            var found: [(origin: String, position: String)] = []
            while try select.step() {
                if let origin = select.text(at: 0), let position = select.text(at: 1) { found.append((origin, position)) }
            }
            return found
        } catch {
            throw .failed(path: path, error)
        }
    }
}
