import CallAssembly
import CallEvents
import Foundation
import SQLite

/// Keeps each session's derived rows in step with its events: estimated times, the call record,
/// and whether it is still open. Works inside the caller's transaction.
public final class SessionKeeper {
    public static let defaultStaleAfter: Int64 = 4 * 3600

    let store: CallStore
    let staleAfterSeconds: Int64
    private var clock: ZoneClock
    private let loader: SessionLoader
    private let callWriter: CallWriter
    private let isOpen: Statement
    let hasCall: Statement
    private let markOpenStatement: Statement
    private let updateEstimate: Statement

    public convenience init(store: CallStore, staleAfterSeconds: Int64 = SessionKeeper.defaultStaleAfter) throws(StoreError) {
        do {
            try self.init(store, staleAfterSeconds: staleAfterSeconds)
        } catch {
            throw .failed(path: store.path, error)
        }
    }

    init(_ store: CallStore, staleAfterSeconds: Int64) throws(SQLiteError) {
        self.store = store
        self.staleAfterSeconds = staleAfterSeconds
        clock = ZoneClock(store.zone)
        let db = store.database
        loader = try SessionLoader(db)
        callWriter = try CallWriter(db, zone: store.zone)
        isOpen = try db.prepare("SELECT 1 FROM open_sessions WHERE sessionid = ?")
        hasCall = try db.prepare("SELECT 1 FROM calls WHERE sessionid = ?")
        markOpenStatement = try db.prepare("""
            INSERT INTO open_sessions (sessionid, last_received_at) VALUES (?, ?)
            ON CONFLICT (sessionid) DO UPDATE SET last_received_at = excluded.last_received_at
            """)
        updateEstimate = try db.prepare("UPDATE events SET event_epoch = ?, event_time = ? WHERE raw_id = ?")
    }

    /// After a batch touched `sessionid`: assembles it when its CONVERSATION hangup came or it already
    /// has a record, else keeps it open. Returns the number of call records written (0 or 1).
    func update(_ sessionid: String, after touch: SessionTouch) throws -> Int {
        let assemble = try touch.sawConversationHangup || (!exists(isOpen, sessionid) && exists(hasCall, sessionid))
        if assemble {
            return try rebuild(sessionid) ? 1 : 0
        }
        // An estimate made in an earlier batch is brought up to date when the session is assembled (SPEC 1.3).
        if touch.hasEstimatedEvent {
            _ = try refreshedEvents(sessionid)
        }
        try markOpen(sessionid, lastReceivedAt: touch.lastReceivedAt)
        return 0
    }

    /// Recomputes the session's estimated times and writes its call record. False when it has no usable event.
    func rebuild(_ sessionid: String) throws -> Bool {
        try write(refreshedEvents(sessionid), of: sessionid)
    }

    /// The whole-session decision of `rebuildAll`: true when a record was written.
    func settle(_ sessionid: String, staleBefore cutoff: String) throws -> Bool {
        let events = try refreshedEvents(sessionid)
        let newest = Self.newestArrival(events)
        let hungUp = events.contains {
            !$0.event.isDuplicate && $0.event.source == "CONVERSATION" && $0.event.event == "hangup"
        }
        if try hungUp || newest < cutoff || exists(hasCall, sessionid) {
            return try write(events, of: sessionid)
        }
        try markOpen(sessionid, lastReceivedAt: newest)
        return false
    }

    /// `assembled_at` is the arrival of the newest event the record is built from, so a rebuild
    /// from the same events gives the same row.
    private func write(_ events: [StoredSessionEvent], of sessionid: String) throws -> Bool {
        guard let record = CallAssembler.assemble(sessionid: sessionid, events: events.map(\.event)) else {
            return false
        }
        try callWriter.write(record, assembledAt: Self.newestArrival(events))
        return true
    }

    /// When the newest event the assembler uses arrived: duplicates are ignored, as live (SPEC 1.4).
    private static func newestArrival(_ events: [StoredSessionEvent]) -> String {
        events.filter { !$0.event.isDuplicate }.map(\.receivedAt).max() ?? ""
    }

    private func markOpen(_ sessionid: String, lastReceivedAt: String) throws {
        markOpenStatement.reset()
        markOpenStatement.bind(sessionid, at: 1)
        markOpenStatement.bind(lastReceivedAt, at: 2)
        try markOpenStatement.step()
    }

    /// The session's events with estimated times recomputed from the whole session, changed ones written back.
    private func refreshedEvents(_ sessionid: String) throws -> [StoredSessionEvent] {
        var events = try loader.events(of: sessionid)
        guard events.contains(where: \.timeEstimated) else { return events }
        // A duplicate is ignored by the assembler (SPEC 1.4), so it is no event's neighbour either.
        let arrivals = events.map {
            Arrival(rawID: $0.event.rawID, receivedMillis: ReceivedAt.millis($0.receivedAt) ?? 0,
                    timedEpoch: $0.timeEstimated || $0.event.isDuplicate ? nil : $0.event.epoch)
        }
        let estimates = TimeEstimator.estimates(for: arrivals)
        for index in events.indices where events[index].timeEstimated {
            guard let epoch = estimates[events[index].event.rawID], epoch != events[index].event.epoch else { continue }
            events[index].event.epoch = epoch
            updateEstimate.reset()
            updateEstimate.bind(epoch, at: 1)
            updateEstimate.bind(clock.civilTime(at: epoch).text, at: 2)
            updateEstimate.bind(events[index].event.rawID, at: 3)
            try updateEstimate.step()
        }
        return events
    }

    func exists(_ statement: Statement, _ sessionid: String) throws -> Bool {
        statement.reset()
        // Left on a row, it would keep a read snapshot open past COMMIT.
        defer { statement.reset() }
        statement.bind(sessionid, at: 1)
        return try statement.step()
    }
}
