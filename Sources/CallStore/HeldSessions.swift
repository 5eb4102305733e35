import SQLite

/// The sessions the writer holds in memory, at most about `capacity` of them whatever the input:
/// the least recently used are let go, and read back from the database if a late event comes.
final class HeldSessions {
    /// Hundreds of calls in flight, and the recently ended ones that late events and copies still reach.
    static let defaultCapacity = 2048

    let capacity: Int
    private let rows: SessionRows
    private var byID: [String: HeldSession] = [:]
    private var byNumber: [Int64: HeldSession] = [:]
    private var uses: UInt64 = 0

    init(_ rows: SessionRows, capacity: Int = HeldSessions.defaultCapacity) {
        self.rows = rows
        self.capacity = capacity
    }

    var count: Int { byID.count }

    /// The session of `sessionid`, numbered now when this is its first event.
    func session(for sessionid: String) throws(SQLiteError) -> HeldSession {
        if let held = byID[sessionid] { return used(held) }
        let (number, isNew) = try rows.number(for: sessionid)
        let session = isNew
            ? HeldSession(number: number, sessionid: sessionid, events: [], hasCall: false)
            : try rows.session(number, sessionid: sessionid)
        return used(hold(session))
    }

    /// A stored session by its number; nil when there is none.
    func session(number: Int64) throws(SQLiteError) -> HeldSession? {
        if let held = byNumber[number] { return used(held) }
        guard let sessionid = try rows.sessionid(of: number) else { return nil }
        return used(hold(try rows.session(number, sessionid: sessionid)))
    }

    /// Lets the least recently used sessions go until a quarter of the capacity is free again.
    /// Called between batches, when every held session matches the database.
    func trim() {
        guard byID.count > capacity else { return }
        let keep = capacity * 3 / 4
        let oldest = byID.values.sorted { $0.lastUse < $1.lastUse }.prefix(byID.count - keep)
        for session in oldest {
            byID[session.sessionid] = nil
            byNumber[session.number] = nil
        }
    }

    /// After a rolled-back batch, or another connection's commit: memory may no longer match the database.
    func forgetAll() {
        byID.removeAll()
        byNumber.removeAll()
    }

    private func hold(_ session: HeldSession) -> HeldSession {
        byID[session.sessionid] = session
        byNumber[session.number] = session
        return session
    }

    private func used(_ session: HeldSession) -> HeldSession {
        uses += 1
        session.lastUse = uses
        return session
    }
}
