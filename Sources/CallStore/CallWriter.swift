import CallAssembly
import CallEvents
import Foundation
import SQLite

/// Writes a call record and its parties, replacing what the session had, and closes the session.
final class CallWriter {
    private let upsertCall: Statement
    private let deleteParties: Statement
    private let insertParty: Statement
    private let closeSession: Statement
    private var clock: ZoneClock

    init(_ db: Database, zone: TimeZone) throws(SQLiteError) {
        upsertCall = try db.prepare("""
            INSERT INTO calls (sessionid, direction, disposition, complete, customer_number, agent_number, agents_rung,
                did, team_id, group_id, modeltype, model_id, start_time, start_epoch, answer_time, answer_epoch,
                end_time, end_epoch, duration_seconds, wait_seconds, talk_seconds, hold_seconds, hangup_by,
                event_count, assembled_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (sessionid) DO UPDATE SET
                direction = excluded.direction, disposition = excluded.disposition, complete = excluded.complete,
                customer_number = excluded.customer_number, agent_number = excluded.agent_number,
                agents_rung = excluded.agents_rung, did = excluded.did, team_id = excluded.team_id,
                group_id = excluded.group_id, modeltype = excluded.modeltype, model_id = excluded.model_id,
                start_time = excluded.start_time, start_epoch = excluded.start_epoch,
                answer_time = excluded.answer_time, answer_epoch = excluded.answer_epoch,
                end_time = excluded.end_time, end_epoch = excluded.end_epoch,
                duration_seconds = excluded.duration_seconds, wait_seconds = excluded.wait_seconds,
                talk_seconds = excluded.talk_seconds, hold_seconds = excluded.hold_seconds,
                hangup_by = excluded.hangup_by, event_count = excluded.event_count, assembled_at = excluded.assembled_at
            """)
        deleteParties = try db.prepare("DELETE FROM call_parties WHERE sessionid = ?")
        insertParty = try db.prepare("""
            INSERT INTO call_parties (sessionid, party, role, number, uniqueid, channel, ring_time, ring_epoch,
                answer_time, answer_epoch, hangup_time, hangup_epoch, ring_seconds, answer_seconds,
                talk_seconds, hold_seconds, call_start_time)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        closeSession = try db.prepare("DELETE FROM open_sessions WHERE sessionid = ?")
        clock = ZoneClock(zone)
    }

    func write(_ call: CallRecord, assembledAt: String) throws(SQLiteError) {
        let s = upsertCall
        s.reset()
        s.bind(call.sessionid, at: 1)
        s.bind(call.direction, at: 2)
        s.bind(call.disposition.rawValue, at: 3)
        s.bind(call.complete, at: 4)
        s.bind(call.customerNumber, at: 5)
        s.bind(call.agentNumber, at: 6)
        s.bind(Int64(call.agentsRung), at: 7)
        s.bind(call.did, at: 8)
        s.bind(call.teamID, at: 9)
        s.bind(call.groupID, at: 10)
        s.bind(call.modeltype, at: 11)
        s.bind(call.modelID, at: 12)
        bindTime(call.startEpoch, s, at: 13)
        bindTime(call.answerEpoch, s, at: 15)
        bindTime(call.endEpoch, s, at: 17)
        s.bind(call.durationSeconds, at: 19)
        s.bind(call.waitSeconds, at: 20)
        s.bind(call.talkSeconds, at: 21)
        s.bind(call.holdSeconds, at: 22)
        s.bind(call.hangupBy, at: 23)
        s.bind(Int64(call.eventCount), at: 24)
        s.bind(assembledAt, at: 25)
        try s.step()

        let callStartTime = clock.civilTime(at: call.startEpoch).text
        deleteParties.reset()
        deleteParties.bind(call.sessionid, at: 1)
        try deleteParties.step()
        for party in call.parties {
            let p = insertParty
            p.reset()
            p.bind(call.sessionid, at: 1)
            p.bind(Int64(party.party), at: 2)
            p.bind(party.role.rawValue, at: 3)
            p.bind(party.number, at: 4)
            p.bind(party.uniqueid, at: 5)
            p.bind(party.channel, at: 6)
            bindTime(party.ringEpoch, p, at: 7)
            bindTime(party.answerEpoch, p, at: 9)
            bindTime(party.hangupEpoch, p, at: 11)
            p.bind(party.ringSeconds, at: 13)
            p.bind(party.answerSeconds, at: 14)
            p.bind(party.talkSeconds, at: 15)
            p.bind(party.holdSeconds, at: 16)
            p.bind(callStartTime, at: 17)
            try p.step()
        }

        closeSession.reset()
        closeSession.bind(call.sessionid, at: 1)
        try closeSession.step()
    }

    /// Binds a moment as its `*_time` text at `index` and its `*_epoch` at `index + 1`.
    private func bindTime(_ epoch: Int64?, _ statement: Statement, at index: Int32) {
        statement.bind(epoch.map { clock.civilTime(at: $0).text }, at: index)
        statement.bind(epoch, at: index + 1)
    }
}
