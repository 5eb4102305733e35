import CallEvents
import SQLite

extension SessionKeeper {
    /// Assembles, with `complete = 0`, every open session whose newest event arrived more than
    /// `staleAfterSeconds` before `now`. Runs in the caller's transaction; returns the records written.
    public func assembleStale(now: Received) throws(StoreError) -> Int {
        do {
            let select = try store.database.prepare(
                "SELECT sessionid FROM open_sessions WHERE last_received_at < ? ORDER BY sessionid")
            select.bind(staleCutoff(now), at: 1)
            var stale: [String] = []
            while try select.step() {
                if let sessionid = select.text(at: 0) { stale.append(sessionid) }
            }
            var written = 0
            for sessionid in stale where try rebuild(sessionid) {
                written += 1
            }
            return written
        } catch {
            throw EventWriter.wrap(error, path: store.path)
        }
    }

    /// Rebuilds every session from `events` by the live rules: assembled when its CONVERSATION hangup
    /// came, it already has a record, or it is stale; open otherwise. Commits every `chunk` sessions so a
    /// running ingester is never kept waiting long. Returns the records written.
    public func rebuildAll(now: Received, chunk: Int = 500) throws(StoreError) -> Int {
        let db = store.database
        let cutoff = staleCutoff(now)
        var written = 0
        var after = ""
        do {
            let next = try db.prepare("""
                SELECT DISTINCT sessionid FROM events WHERE sessionid > ? ORDER BY sessionid LIMIT ?
                """)
            while true {
                next.reset()
                next.bind(after, at: 1)
                next.bind(Int64(chunk), at: 2)
                var sessions: [String] = []
                while try next.step() {
                    if let sessionid = next.text(at: 0) { sessions.append(sessionid) }
                }
                guard let last = sessions.last else { break }
                try db.transaction {
                    for sessionid in sessions where try settle(sessionid, staleBefore: cutoff) {
                        written += 1
                    }
                }
                after = last
            }
        } catch {
            throw EventWriter.wrap(error, path: store.path)
        }
        return written
    }

    /// `received_at` text before which an open session counts as stale.
    func staleCutoff(_ now: Received) -> String {
        ReceivedAt.text(millis: now.millis - staleAfterSeconds * 1000)
    }
}
