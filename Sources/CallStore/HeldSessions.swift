import SQLite

/// The sessions the writer holds in memory, at most about `capacity` of them whatever the input:
/// the least recently used are let go, and read back from the database if a late event comes.
final class HeldSessions {
    /// Hundreds of calls in flight, and the recently ended ones that late events and copies still reach.
    static let defaultCapacity = 1024
    /// However few the sessions, no more events than this are held (a session that never ends).
    static let eventCapacity = 65_536

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
            ? HeldSession(number: number, sessionid: sessionid, events: [], storedCall: .absent)
            : try rows.session(number, sessionid: sessionid)
        return used(hold(session))
    }

    /// A stored session by its number; nil when there is none.
    func session(number: Int64) throws(SQLiteError) -> HeldSession? {
        if let held = byNumber[number] { return used(held) }
        guard let sessionid = try rows.sessionid(of: number) else { return nil }
        return used(hold(try rows.session(number, sessionid: sessionid)))
    }

    /// Lets the least recently used sessions go until a quarter of the capacity is free again,
    /// of sessions and of events. Called between batches, when every held session matches the database.
    func trim() {
        var events = byID.values.reduce(0) { $0 + $1.events.count }
        guard byID.count > capacity || events > Self.eventCapacity else { return }
        var sessions = byID.count
        for session in byID.values.sorted(by: { $0.lastUse < $1.lastUse }) {
            guard sessions > capacity * 3 / 4 || events > Self.eventCapacity * 3 / 4 else { break }
            byID[session.sessionid] = nil
            byNumber[session.number] = nil
            sessions -= 1
            events -= session.events.count
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
