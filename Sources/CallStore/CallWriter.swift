import CallAssembly
import CallEvents
import Foundation
import SQLite

/// Writes a call record and its parties, keyed by the session's number, replacing what it had.
final class CallWriter {
    private let upsertCall: Statement
    private let deleteParties: Statement
    private let insertParty: Statement
    private let clock: ZoneClock

    init(_ db: Database, zone: TimeZone) throws(SQLiteError) {
        upsertCall = try db.prepare("""
            INSERT INTO call_records (session_no, direction, disposition, complete, customer_number, agent_number, agents_rung,
                did, team_id, group_id, modeltype, model_id, start_time, start_epoch, answer_time, answer_epoch,
                end_time, end_epoch, duration_seconds, wait_seconds, talk_seconds, hold_seconds, hangup_by,
                event_count, assembled_at, agent, acw_seconds)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
            ON CONFLICT (session_no) DO UPDATE SET
                direction = excluded.direction, disposition = excluded.disposition, complete = excluded.complete,
                customer_number = excluded.customer_number, agent_number = excluded.agent_number,
                agents_rung = excluded.agents_rung, did = excluded.did, team_id = excluded.team_id,
                group_id = excluded.group_id, modeltype = excluded.modeltype, model_id = excluded.model_id,
                start_time = excluded.start_time, start_epoch = excluded.start_epoch,
                answer_time = excluded.answer_time, answer_epoch = excluded.answer_epoch,
                end_time = excluded.end_time, end_epoch = excluded.end_epoch,
                duration_seconds = excluded.duration_seconds, wait_seconds = excluded.wait_seconds,
                talk_seconds = excluded.talk_seconds, hold_seconds = excluded.hold_seconds,
                hangup_by = excluded.hangup_by, event_count = excluded.event_count, assembled_at = excluded.assembled_at,
                agent = excluded.agent, acw_seconds = 0
            """)
        deleteParties = try db.prepare("DELETE FROM parties WHERE session_no = ?")
        insertParty = try db.prepare("""
            INSERT INTO parties (session_no, party, role, number, uniqueid, channel, ring_time, ring_epoch,
                answer_time, answer_epoch, hangup_time, hangup_epoch, ring_seconds, answer_seconds,
                talk_seconds, hold_seconds, call_start_time, agentno, agent, talk_start_epoch, end_epoch)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        clock = ZoneClock(zone)
    }

    /// `replacing`: the session already has a record, whose parties go first. The ACW of the call
    /// and its parties is written as 0: the agents' side brings it up to date (SPEC 6.3).
    func write(_ call: CallRecord, session: Int64, replacing: Bool, assembledAt: String) throws(SQLiteError) {
        let s = upsertCall
        try s.bind(session, at: 1)
        try s.bind(call.direction, at: 2)
        try s.bind(call.disposition.rawValue, at: 3)
        try s.bind(call.complete, at: 4)
        try s.bind(call.customerNumber, at: 5)
        try s.bind(call.agentNumber, at: 6)
        try s.bind(Int64(call.agentsRung), at: 7)
        try s.bind(call.did, at: 8)
        try s.bind(call.teamID, at: 9)
        try s.bind(call.groupID, at: 10)
        try s.bind(call.modeltype, at: 11)
        try s.bind(call.modelID, at: 12)
        try bindTime(call.startEpoch, s, at: 13)
        try bindTime(call.answerEpoch, s, at: 15)
        try bindTime(call.endEpoch, s, at: 17)
        try s.bind(call.durationSeconds, at: 19)
        try s.bind(call.waitSeconds, at: 20)
        try s.bind(call.talkSeconds, at: 21)
        try s.bind(call.holdSeconds, at: 22)
        try s.bind(call.hangupBy, at: 23)
        try s.bind(Int64(call.eventCount), at: 24)
        try s.bind(assembledAt, at: 25)
        try s.bind(call.agent, at: 26)
        try s.run()

        let callStartTime = clock.civilTime(at: call.startEpoch).text
        if replacing {
            try deleteParties.bind(session, at: 1)
            try deleteParties.run()
        }
        for party in call.parties {
            let p = insertParty
            try p.bind(session, at: 1)
            try p.bind(Int64(party.party), at: 2)
            try p.bind(party.role.rawValue, at: 3)
            try p.bind(party.number, at: 4)
            try p.bind(party.uniqueid, at: 5)
            try p.bind(party.channel, at: 6)
            try bindTime(party.ringEpoch, p, at: 7)
            try bindTime(party.answerEpoch, p, at: 9)
            try bindTime(party.hangupEpoch, p, at: 11)
            try p.bind(party.ringSeconds, at: 13)
            try p.bind(party.answerSeconds, at: 14)
            try p.bind(party.talkSeconds, at: 15)
            try p.bind(party.holdSeconds, at: 16)
            try p.bind(callStartTime, at: 17)
            try p.bind(party.agentno, at: 18)
            try p.bind(party.agent, at: 19)
            try p.bind(party.talkStartEpoch, at: 20)
            try p.bind(party.endEpoch, at: 21)
            try p.run()
        }
    }

    /// Binds a moment as its `*_time` text at `index` and its `*_epoch` at `index + 1`.
    private func bindTime(_ epoch: Int64?, _ statement: Statement, at index: Int32) throws(SQLiteError) {
        try statement.bind(epoch.map { clock.civilTime(at: $0).text }, at: index)
        try statement.bind(epoch, at: index + 1)
    }
}
