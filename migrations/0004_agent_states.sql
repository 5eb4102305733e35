-- astercdr schema, version 4: agents' time (SPEC 6).
--
-- `agent_intervals` holds every interval of an agent's time (signed in to a group, paused, in
-- after-call work), keyed by the event that opened it; `agent_states` shows it under SPEC's names.
-- Parties and calls gain the agent key (agentno, else number), the ACW that belongs to them, and
-- what an agent's time on a call needs (its first moment of talk, its end). The views that show
-- AHT now include ACW; `agent_days` gains the agent's time.
--
-- Every row of version 3 is kept. The new columns and intervals are filled from the stored
-- events right after this migration (`pending_rebuild` below): astercdr assembles every call
-- again and runs every agent's events through the rules of SPEC 6.2, in the same program run.
-- Never edit this file once it has shipped.

DROP VIEW calls;
DROP VIEW call_parties;
DROP VIEW agent_parties;
DROP VIEW agent_days;
DROP VIEW call_summary_by_day;
DROP VIEW call_summary_by_hour;
DROP INDEX parties_agent_by_start;
DROP INDEX call_records_by_agent;

ALTER TABLE parties ADD COLUMN agentno TEXT;
-- The agent key of an AGENT or CONSULT party (SPEC 6.1): its agentno, else its number.
ALTER TABLE parties ADD COLUMN agent TEXT;
-- Its first moment of talk: before it an agent on the call is ringing, from it talking (SPEC 6.4).
ALTER TABLE parties ADD COLUMN talk_start_epoch INTEGER;
-- Its hangup, else its call's end.
ALTER TABLE parties ADD COLUMN end_epoch INTEGER;
-- The closed ACW interval that belongs to it (SPEC 6.3), else 0.
ALTER TABLE parties ADD COLUMN acw_seconds INTEGER NOT NULL DEFAULT 0;
ALTER TABLE call_records ADD COLUMN agent TEXT;
ALTER TABLE call_records ADD COLUMN acw_seconds INTEGER NOT NULL DEFAULT 0;

-- Every interval of an agent's time, keyed by the event that opened it (an event opens at most one).
CREATE TABLE agent_intervals (
    start_raw_id INTEGER PRIMARY KEY REFERENCES event_log (raw_id),
    agent        TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('logged_in', 'paused', 'acw')),
    group_id     TEXT,
    start_time   TEXT NOT NULL,
    start_epoch  INTEGER NOT NULL,
    end_time     TEXT,                 -- NULL while open
    end_epoch    INTEGER,
    end_raw_id   INTEGER REFERENCES event_log (raw_id),
    reason       TEXT,
    -- The party whose after-call work an `acw` interval is (SPEC 6.3), NULL when it is no call's.
    session_no   INTEGER,
    party        INTEGER,
    CHECK ((end_epoch IS NULL) = (end_raw_id IS NULL))
) STRICT;

-- `agent_states WHERE agent = ?`, in time order.
CREATE INDEX agent_intervals_by_agent ON agent_intervals (agent, start_epoch);
-- Intervals that overlap a range of time (report agents, `astercdr now`): those that started up to
-- a day before it by their start, and the few longer or still open by this one.
CREATE INDEX agent_intervals_by_start ON agent_intervals (start_epoch);
CREATE INDEX agent_intervals_long ON agent_intervals (start_epoch) WHERE end_epoch IS NULL OR end_epoch - start_epoch > 86400;

-- An agent's parties by its key (`agent_parties WHERE agent = ?`, the writer's ACW).
CREATE INDEX parties_by_agent ON parties (agent, ring_epoch) WHERE role IN ('AGENT', 'CONSULT');
-- The agent report over a date range reads this index alone, in time order: the call figures of
-- the AGENT parties, and the time on calls of every AGENT and CONSULT party (SPEC 6.4).
CREATE INDEX parties_by_start ON parties
    (call_start_time, role, agent, answer_epoch, ring_seconds, talk_seconds, hold_seconds, acw_seconds,
     ring_epoch, talk_start_epoch, end_epoch)
    WHERE role IN ('AGENT', 'CONSULT');
-- The calls an agent handled (`handled`, `calls --agent`), by its key.
CREATE INDEX call_records_by_agent ON call_records (agent, start_time);
-- The newest event time, where an open interval stops counting (SPEC 6.4); and events by time.
CREATE INDEX event_log_by_time ON event_log (event_epoch);

-- Filled by astercdr from the stored events once this migration has run; removed when done.
INSERT INTO settings (name, value)
SELECT 'pending_rebuild', 'calls and agent states (schema version 4)' WHERE EXISTS (SELECT 1 FROM event_log);

CREATE VIEW calls AS
SELECT s.sessionid, c.direction, c.disposition, c.complete, c.customer_number, c.agent_number, c.agents_rung,
       c.did, c.team_id, c.group_id, c.modeltype, c.model_id, c.start_time, c.start_epoch, c.answer_time,
       c.answer_epoch, c.end_time, c.end_epoch, c.duration_seconds, c.wait_seconds, c.talk_seconds,
       c.hold_seconds, c.hangup_by, c.event_count, c.assembled_at, c.agent, c.acw_seconds, c.session_no
FROM call_records c LEFT JOIN sessions s ON s.session_no = c.session_no;

CREATE VIEW call_parties AS
SELECT s.sessionid, p.party, p.role, p.number, p.uniqueid, p.channel, p.ring_time, p.ring_epoch,
       p.answer_time, p.answer_epoch, p.hangup_time, p.hangup_epoch, p.ring_seconds, p.answer_seconds,
       p.talk_seconds, p.hold_seconds, p.agentno, p.agent, p.acw_seconds, p.talk_start_epoch, p.end_epoch,
       p.call_start_time, p.session_no
FROM parties p LEFT JOIN sessions s ON s.session_no = p.session_no;

-- Every interval of every agent (SPEC 6.2); `acw_sessionid` and `acw_party` name the call party an
-- `acw` interval belongs to (SPEC 6.3).
CREATE VIEW agent_states AS
SELECT a.agent, a.state, a.group_id, a.start_time, a.start_epoch, a.end_time, a.end_epoch,
       a.end_epoch - a.start_epoch AS seconds, a.reason, a.start_raw_id, a.end_raw_id,
       s.sessionid AS acw_sessionid, a.party AS acw_party
FROM agent_intervals a LEFT JOIN sessions s ON s.session_no = a.session_no;

-- Every AGENT and CONSULT party with its call, by agent key: who was offered what, and what became of it.
CREATE VIEW agent_parties AS
SELECT p.agent, p.number, p.role, c.start_time, s.sessionid, c.direction, c.disposition,
       c.customer_number, p.ring_time, p.answer_time, p.hangup_time,
       p.answer_epoch IS NOT NULL AS answered,
       c.agent IS p.agent AS handled,
       p.ring_seconds, p.talk_seconds, p.hold_seconds, p.acw_seconds
FROM parties p JOIN call_records c ON c.session_no = p.session_no LEFT JOIN sessions s ON s.session_no = p.session_no
WHERE p.role IN ('AGENT', 'CONSULT');

-- An agent's time cut into the pieces where nothing changes, each with what the agent was doing
-- (SPEC 6.4: busy = talking or on hold, then ringing, acw, paused, available, else out) and
-- whether it was signed in; cut again at each midnight of the zone, with its day. An open interval
-- runs to the newest event time. Days are cut in the zone's wall clock, using the offset in force
-- at the start of each interval or party: a piece that crosses midnight and a change of clocks
-- together can be off by the hour the clocks moved (report agents is exact).
CREATE VIEW agent_time_pieces AS
WITH RECURSIVE
newest(t) AS (SELECT max(event_epoch) FROM event_log),
spans(agent, kind, lo, hi, off) AS (
    SELECT agent, 'busy', talk_start_epoch, end_epoch, unixepoch(ring_time) - ring_epoch
    FROM parties WHERE role IN ('AGENT', 'CONSULT') AND talk_start_epoch IS NOT NULL
    UNION ALL
    SELECT agent, 'ringing', ring_epoch, coalesce(talk_start_epoch, end_epoch), unixepoch(ring_time) - ring_epoch
    FROM parties WHERE role IN ('AGENT', 'CONSULT')
    UNION ALL
    SELECT agent, state, start_epoch, coalesce(end_epoch, (SELECT t FROM newest)), unixepoch(start_time) - start_epoch
    FROM agent_intervals
),
edges(agent, t, off, busy, ringing, acw, paused, login) AS (
    SELECT agent, lo, off, kind = 'busy', kind = 'ringing', kind = 'acw', kind = 'paused', kind = 'logged_in'
    FROM spans WHERE hi > lo
    UNION ALL
    SELECT agent, hi, off, -(kind = 'busy'), -(kind = 'ringing'), -(kind = 'acw'), -(kind = 'paused'), -(kind = 'logged_in')
    FROM spans WHERE hi > lo
),
points(agent, t, off, busy, ringing, acw, paused, login) AS (
    SELECT agent, t, max(off), sum(busy), sum(ringing), sum(acw), sum(paused), sum(login) FROM edges GROUP BY agent, t
),
pieces(agent, lo, hi, off, state, signed_in) AS (
    SELECT agent, t, next, off,
           CASE WHEN busy > 0 THEN 'busy' WHEN ringing > 0 THEN 'ringing' WHEN acw > 0 THEN 'acw'
                WHEN paused > 0 THEN 'paused' WHEN login > 0 THEN 'available' ELSE 'out' END,
           login > 0
    FROM (SELECT agent, t, off, lead(t) OVER w AS next, sum(busy) OVER w AS busy, sum(ringing) OVER w AS ringing,
                 sum(acw) OVER w AS acw, sum(paused) OVER w AS paused, sum(login) OVER w AS login
          FROM points WINDOW w AS (PARTITION BY agent ORDER BY t))
    WHERE next > t
),
-- In the zone's wall-clock seconds, cut at each midnight.
cut(agent, lo, hi, state, signed_in) AS (
    SELECT agent, lo + off, hi + off, state, signed_in FROM pieces
    UNION ALL
    SELECT agent, (lo / 86400 + 1) * 86400, hi, state, signed_in FROM cut WHERE hi > (lo / 86400 + 1) * 86400
)
SELECT date(lo / 86400 * 86400, 'unixepoch') AS day, agent, state, signed_in,
       min(hi, (lo / 86400 + 1) * 86400) - lo AS seconds,
       datetime(lo, 'unixepoch') AS start_time
FROM cut;

-- Per day and agent key: the figures of `astercdr report agents` (the call figures by the day of
-- the call's start_time, the time figures by the day the time was spent), rounded as the summaries
-- below are. Every agent with an AGENT party that day or an interval that day has a row.
CREATE VIEW agent_days AS
WITH
offers AS (
    SELECT substr(c.start_time, 1, 10) AS day, p.agent,
           count(*) AS offered,
           count(p.answer_epoch) AS answered,
           count(DISTINCT CASE WHEN c.agent = p.agent THEN c.session_no END) AS handled,
           sum(p.talk_seconds) AS talk,
           sum(p.hold_seconds) AS hold,
           sum(p.ring_seconds) FILTER (WHERE p.answer_epoch IS NOT NULL) AS answered_ring,
           sum(p.talk_seconds + p.hold_seconds + p.acw_seconds) FILTER (WHERE p.answer_epoch IS NOT NULL) AS handle
    FROM call_records c CROSS JOIN parties p ON p.session_no = c.session_no
    WHERE p.role = 'AGENT'
    GROUP BY day, p.agent),
times AS (
    SELECT day, agent,
           total(seconds) FILTER (WHERE signed_in) AS login,
           total(seconds) FILTER (WHERE state = 'acw') AS acw,
           total(seconds) FILTER (WHERE state = 'paused') AS pause,
           total(seconds) FILTER (WHERE state = 'available') AS available,
           total(seconds) FILTER (WHERE state = 'busy') AS busy,
           total(seconds) FILTER (WHERE state = 'ringing') AS ringing,
           max(signed_in OR state IN ('acw', 'paused')) AS has_interval
    FROM agent_time_pieces GROUP BY day, agent),
keys AS (
    SELECT day, agent FROM offers
    UNION
    SELECT day, agent FROM times WHERE has_interval)
SELECT k.day, k.agent,
       coalesce(o.offered, 0) AS offered,
       coalesce(o.answered, 0) AS answered,
       coalesce(o.offered - o.answered, 0) AS missed,
       coalesce(o.handled, 0) AS handled,
       coalesce(o.talk, 0) AS talk_seconds,
       (20 * o.talk + o.answered) / (2 * nullif(o.answered, 0)) / 10.0 AS avg_talk_seconds,
       coalesce(o.hold, 0) AS hold_seconds,
       (20 * o.answered_ring + o.answered) / (2 * nullif(o.answered, 0)) / 10.0 AS avg_ring_seconds,
       CAST(coalesce(t.acw, 0) AS INTEGER) AS acw_seconds,
       (20 * o.handle + o.answered) / (2 * nullif(o.answered, 0)) / 10.0 AS aht_seconds,
       CAST(coalesce(t.login, 0) AS INTEGER) AS login_seconds,
       CAST(coalesce(t.pause, 0) AS INTEGER) AS pause_seconds,
       CAST(coalesce(t.available, 0) AS INTEGER) AS available_seconds,
       CAST(2000 * (t.busy + t.acw) + (t.busy + t.acw + t.ringing + t.available) AS INTEGER)
           / CAST(2 * nullif(t.busy + t.acw + t.ringing + t.available, 0) AS INTEGER) / 10.0 AS occupancy
FROM keys k
LEFT JOIN offers o ON o.day = k.day AND o.agent IS k.agent
LEFT JOIN times t ON t.day = k.day AND t.agent IS k.agent;

-- Each interval of each agent as a shell user reads a day: cut at the zone's midnights, with the
-- seconds of it that fall in that day (an open interval up to the newest event time).
CREATE VIEW agent_state_days AS
WITH RECURSIVE
newest(t) AS (SELECT max(event_epoch) FROM event_log),
cut(agent, state, group_id, reason, lo, hi, start_raw_id) AS (
    SELECT agent, state, group_id, reason,
           unixepoch(start_time), coalesce(end_epoch, (SELECT t FROM newest)) - start_epoch + unixepoch(start_time),
           start_raw_id
    FROM agent_intervals
    UNION ALL
    SELECT agent, state, group_id, reason, (lo / 86400 + 1) * 86400, hi, start_raw_id
    FROM cut WHERE hi > (lo / 86400 + 1) * 86400
)
SELECT date(lo / 86400 * 86400, 'unixepoch') AS day, agent, state, group_id, reason,
       datetime(lo, 'unixepoch') AS from_time, datetime(min(hi, (lo / 86400 + 1) * 86400), 'unixepoch') AS to_time,
       max(0, min(hi, (lo / 86400 + 1) * 86400) - lo) AS seconds, start_raw_id
FROM cut;

CREATE VIEW call_summary_by_day AS
SELECT day,
       calls, answered, abandoned, unanswered,
       (2000 * answered + calls) / (2 * calls) / 10.0 AS answer_rate,
       (20 * dialin_answered_wait + dialin_answered) / (2 * dialin_answered) / 10.0 AS asa_seconds,
       (20 * abandoned_wait + abandoned) / (2 * abandoned) / 10.0 AS avg_abandon_seconds,
       (2000 * within_20s + dialin) / (2 * dialin) / 10.0 AS service_level,
       (2000 * within_20s + dialin_answered) / (2 * dialin_answered) / 10.0 AS service_level_answered,
       (20 * answered_talk + answered) / (2 * answered) / 10.0 AS avg_talk_seconds,
       (20 * answered_handle + answered) / (2 * answered) / 10.0 AS aht_seconds,
       total_talk_seconds, total_acw_seconds, max_wait_seconds
FROM (SELECT day,
             count(*) AS calls,
             count(*) FILTER (WHERE answered) AS answered,
             count(*) FILTER (WHERE dialin AND NOT answered) AS abandoned,
             count(*) FILTER (WHERE dialout AND NOT answered) AS unanswered,
             count(*) FILTER (WHERE dialin) AS dialin,
             count(*) FILTER (WHERE dialin AND answered) AS dialin_answered,
             sum(wait) FILTER (WHERE dialin AND answered) AS dialin_answered_wait,
             sum(wait) FILTER (WHERE dialin AND NOT answered) AS abandoned_wait,
             count(*) FILTER (WHERE dialin AND answered AND wait <= 20) AS within_20s,
             sum(talk) FILTER (WHERE answered) AS answered_talk,
             sum(talk + hold + acw) FILTER (WHERE answered) AS answered_handle,
             sum(talk) AS total_talk_seconds,
             sum(acw) AS total_acw_seconds,
             max(wait) FILTER (WHERE dialin) AS max_wait_seconds
      FROM (SELECT substr(start_time, 1, 10) AS day,
                   direction = 'dialin' COLLATE NOCASE AS dialin, direction = 'dialout' COLLATE NOCASE AS dialout,
                   disposition = 'answered' AS answered, wait_seconds AS wait, talk_seconds AS talk,
                   hold_seconds AS hold, acw_seconds AS acw
            FROM call_records)
      GROUP BY day);

CREATE VIEW call_summary_by_hour AS
SELECT day, hour,
       calls, answered, abandoned, unanswered,
       (2000 * answered + calls) / (2 * calls) / 10.0 AS answer_rate,
       (20 * dialin_answered_wait + dialin_answered) / (2 * dialin_answered) / 10.0 AS asa_seconds,
       (20 * abandoned_wait + abandoned) / (2 * abandoned) / 10.0 AS avg_abandon_seconds,
       (2000 * within_20s + dialin) / (2 * dialin) / 10.0 AS service_level,
       (2000 * within_20s + dialin_answered) / (2 * dialin_answered) / 10.0 AS service_level_answered,
       (20 * answered_talk + answered) / (2 * answered) / 10.0 AS avg_talk_seconds,
       (20 * answered_handle + answered) / (2 * answered) / 10.0 AS aht_seconds,
       total_talk_seconds, total_acw_seconds, max_wait_seconds
FROM (SELECT day, hour,
             count(*) AS calls,
             count(*) FILTER (WHERE answered) AS answered,
             count(*) FILTER (WHERE dialin AND NOT answered) AS abandoned,
             count(*) FILTER (WHERE dialout AND NOT answered) AS unanswered,
             count(*) FILTER (WHERE dialin) AS dialin,
             count(*) FILTER (WHERE dialin AND answered) AS dialin_answered,
             sum(wait) FILTER (WHERE dialin AND answered) AS dialin_answered_wait,
             sum(wait) FILTER (WHERE dialin AND NOT answered) AS abandoned_wait,
             count(*) FILTER (WHERE dialin AND answered AND wait <= 20) AS within_20s,
             sum(talk) FILTER (WHERE answered) AS answered_talk,
             sum(talk + hold + acw) FILTER (WHERE answered) AS answered_handle,
             sum(talk) AS total_talk_seconds,
             sum(acw) AS total_acw_seconds,
             max(wait) FILTER (WHERE dialin) AS max_wait_seconds
      FROM (SELECT substr(start_time, 1, 10) AS day, substr(start_time, 12, 2) AS hour,
                   direction = 'dialin' COLLATE NOCASE AS dialin, direction = 'dialout' COLLATE NOCASE AS dialout,
                   disposition = 'answered' AS answered, wait_seconds AS wait, talk_seconds AS talk,
                   hold_seconds AS hold, acw_seconds AS acw
            FROM call_records)
      GROUP BY day, hour);
