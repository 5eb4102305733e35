-- astercdr schema, version 3: rows keyed by arrival order, the SPEC names as views.
--
-- asterCC's sessionids are random 32-hex strings, the most expensive key there is to insert into.
-- Version 2 wrote several B-trees keyed by them per event (the duplicate look-up and
-- events_by_session) and per call. Here a session is numbered once, at its first event, in the
-- one B-tree keyed by its sessionid (`sessions`); everything else is keyed by that number or by
-- `raw_id`, keys that arrive in order. An event is one row of `event_log`, raw and parsed, with its
-- origin stored once in `origins` and its arrival time as Unix milliseconds. The names a sqlite3
-- shell user reads (raw_events, events, calls, call_parties, open_sessions and the views of
-- version 2) keep their columns and meaning as views over these tables.
--
-- Every row of version 2 is copied across in this migration's transaction. Never edit this file
-- once it has shipped.

DROP VIEW agent_parties;
DROP VIEW agent_days;
DROP VIEW open_calls;
DROP VIEW call_summary_by_day;
DROP VIEW call_summary_by_hour;

-- Where events came from (file:PATH, stdin, http, subscribe:URL), each stored once.
CREATE TABLE origins (
    origin_no INTEGER PRIMARY KEY,
    origin    TEXT NOT NULL UNIQUE
) STRICT;

-- Every session, numbered in the order its first event arrived: the only B-tree keyed by sessionid.
CREATE TABLE sessions (
    session_no INTEGER PRIMARY KEY,
    sessionid  TEXT NOT NULL UNIQUE
) STRICT;

-- Every event received, in arrival order: as received, and parsed into columns when it parsed
-- (`event` is NULL exactly when `parse_error` is set).
CREATE TABLE event_log (
    raw_id         INTEGER PRIMARY KEY,
    received_ms    INTEGER NOT NULL,      -- Unix milliseconds, UTC
    origin_no      INTEGER NOT NULL REFERENCES origins (origin_no),
    payload        TEXT NOT NULL,         -- the event's text (lossy when it was not UTF-8)
    payload_bytes  BLOB,                  -- the exact bytes, only when they were not UTF-8
    parse_error    TEXT,                  -- NULL when parsed
    session_no     INTEGER REFERENCES sessions (session_no), -- NULL for agent-state and rejected events
    source         TEXT,
    event          TEXT,
    event_time     TEXT,
    event_epoch    INTEGER,
    time_estimated INTEGER CHECK (time_estimated IN (0, 1)),
    eventid        TEXT,
    uniqueid       TEXT,
    channel        TEXT,
    calleridnum    TEXT,
    activenum      TEXT,
    didnumber      TEXT,
    direction      TEXT,
    calltype       TEXT,
    team_id        TEXT,
    group_id       TEXT,
    modeltype      TEXT,
    model_id       TEXT,
    agentno        TEXT,
    extra          TEXT,
    duplicate_of   INTEGER REFERENCES event_log (raw_id),
    -- Agent-state events only: the duplicate check's hash (SPEC 1.4), looked up per agent.
    fingerprint    INTEGER,
    CHECK ((event IS NULL) = (parse_error IS NOT NULL))
) STRICT;

-- A session's events in arrival order; session numbers arrive in order, so inserts stay at the end.
CREATE INDEX event_log_by_session ON event_log (session_no) WHERE session_no IS NOT NULL;
-- An agent's agent-state events for the duplicate check: the agent key (SPEC 6.1), then what two
-- copies of one event always share (its eventid, else the time it was sent with), then the hash.
-- Keys that grow with time within each agent, so inserts stay at the end of each agent's range.
CREATE INDEX agent_events_by_fingerprint ON event_log
    (coalesce(agentno, activenum), coalesce(eventid, CASE WHEN time_estimated = 0 THEN event_time END), fingerprint)
    WHERE session_no IS NULL AND event IS NOT NULL;

-- One call record per assembled session.
CREATE TABLE call_records (
    session_no       INTEGER PRIMARY KEY REFERENCES sessions (session_no),
    direction        TEXT,
    disposition      TEXT NOT NULL,
    complete         INTEGER NOT NULL CHECK (complete IN (0, 1)),
    customer_number  TEXT,
    agent_number     TEXT,
    agents_rung      INTEGER NOT NULL,
    did              TEXT,
    team_id          TEXT,
    group_id         TEXT,
    modeltype        TEXT,
    model_id         TEXT,
    start_time       TEXT NOT NULL,
    start_epoch      INTEGER NOT NULL,
    answer_time      TEXT,
    answer_epoch     INTEGER,
    end_time         TEXT NOT NULL,
    end_epoch        INTEGER NOT NULL,
    duration_seconds INTEGER NOT NULL,
    wait_seconds     INTEGER NOT NULL,
    talk_seconds     INTEGER NOT NULL,
    hold_seconds     INTEGER NOT NULL,
    hangup_by        TEXT,
    event_count      INTEGER NOT NULL,
    assembled_at     TEXT NOT NULL
) STRICT;

CREATE INDEX call_records_by_start ON call_records (start_time);
CREATE INDEX call_records_by_agent ON call_records (agent_number, start_time);
CREATE INDEX call_records_by_customer ON call_records (customer_number);
CREATE INDEX call_records_still_open ON call_records (start_time) WHERE complete = 0;

-- One row per party of a call.
CREATE TABLE parties (
    session_no      INTEGER NOT NULL REFERENCES call_records (session_no) ON DELETE CASCADE,
    party           INTEGER NOT NULL,
    role            TEXT NOT NULL,
    number          TEXT,
    uniqueid        TEXT,
    channel         TEXT,
    ring_time       TEXT NOT NULL,
    ring_epoch      INTEGER NOT NULL,
    answer_time     TEXT,
    answer_epoch    INTEGER,
    hangup_time     TEXT,
    hangup_epoch    INTEGER,
    ring_seconds    INTEGER NOT NULL,
    answer_seconds  INTEGER,
    talk_seconds    INTEGER NOT NULL,
    hold_seconds    INTEGER NOT NULL,
    call_start_time TEXT NOT NULL,        -- the call's start_time, so an agent's parties are found by date
    PRIMARY KEY (session_no, party)
) STRICT, WITHOUT ROWID;

-- An agent's parties by number, one index per role so `role = 'AGENT' AND number = ?` is a search.
-- Customers are found through call_records_by_customer; their random numbers stay out of these.
CREATE INDEX parties_of_agent ON parties (number) WHERE role = 'AGENT';
CREATE INDEX parties_of_consult ON parties (number) WHERE role = 'CONSULT';
-- The agent report over a date range reads this index alone, in time order.
CREATE INDEX parties_agent_by_start ON parties
    (call_start_time, number, answer_epoch, ring_seconds, talk_seconds, hold_seconds, role) WHERE role = 'AGENT';

-- Sessions with events but no call record yet: what the stale check reads. Small: calls in progress.
CREATE TABLE pending_sessions (
    session_no       INTEGER PRIMARY KEY REFERENCES sessions (session_no),
    last_received_ms INTEGER NOT NULL     -- arrival of its newest non-duplicate event
) STRICT;

-- Version 2's rows, copied across.
INSERT INTO origins (origin) SELECT origin FROM raw_events GROUP BY origin ORDER BY min(id);
INSERT INTO sessions (sessionid)
    SELECT sessionid FROM events WHERE sessionid IS NOT NULL GROUP BY sessionid ORDER BY min(raw_id);
INSERT OR IGNORE INTO sessions (sessionid) SELECT sessionid FROM calls ORDER BY rowid;

INSERT INTO event_log (raw_id, received_ms, origin_no, payload, payload_bytes, parse_error, session_no,
        source, event, event_time, event_epoch, time_estimated, eventid, uniqueid, channel, calleridnum,
        activenum, didnumber, direction, calltype, team_id, group_id, modeltype, model_id, agentno, extra,
        duplicate_of, fingerprint)
SELECT r.id,
       CAST(strftime('%s', substr(r.received_at, 1, 19)) AS INTEGER) * 1000 + CAST(substr(r.received_at, 21, 3) AS INTEGER),
       o.origin_no, r.payload, r.payload_bytes, r.parse_error, s.session_no,
       e.source, e.event, e.event_time, e.event_epoch, e.time_estimated, e.eventid, e.uniqueid, e.channel,
       e.calleridnum, e.activenum, e.didnumber, e.direction, e.calltype, e.team_id, e.group_id, e.modeltype,
       e.model_id, e.agentno, e.extra, e.duplicate_of,
       CASE WHEN e.sessionid IS NULL THEN e.dedupe_key END
FROM raw_events r
JOIN origins o ON o.origin = r.origin
LEFT JOIN events e ON e.raw_id = r.id
LEFT JOIN sessions s ON s.sessionid = e.sessionid
ORDER BY r.id;

INSERT INTO call_records
SELECT s.session_no, c.direction, c.disposition, c.complete, c.customer_number, c.agent_number, c.agents_rung,
       c.did, c.team_id, c.group_id, c.modeltype, c.model_id, c.start_time, c.start_epoch, c.answer_time,
       c.answer_epoch, c.end_time, c.end_epoch, c.duration_seconds, c.wait_seconds, c.talk_seconds,
       c.hold_seconds, c.hangup_by, c.event_count, c.assembled_at
FROM calls c JOIN sessions s ON s.sessionid = c.sessionid
ORDER BY s.session_no;

INSERT INTO parties
SELECT s.session_no, p.party, p.role, p.number, p.uniqueid, p.channel, p.ring_time, p.ring_epoch,
       p.answer_time, p.answer_epoch, p.hangup_time, p.hangup_epoch, p.ring_seconds, p.answer_seconds,
       p.talk_seconds, p.hold_seconds, p.call_start_time
FROM call_parties p JOIN sessions s ON s.sessionid = p.sessionid
ORDER BY s.session_no, p.party;

INSERT INTO pending_sessions (session_no, last_received_ms)
SELECT s.session_no,
       CAST(strftime('%s', substr(o.last_received_at, 1, 19)) AS INTEGER) * 1000 + CAST(substr(o.last_received_at, 21, 3) AS INTEGER)
FROM open_sessions o JOIN sessions s ON s.sessionid = o.sessionid
ORDER BY s.session_no;

-- Children before parents, so the foreign keys hold at every step.
DROP TABLE call_parties;
DROP TABLE calls;
DROP TABLE open_sessions;
DROP TABLE events;
DROP TABLE raw_events;

-- The names of SPEC 2.1, as views. LEFT JOINs on primary keys: SQLite leaves the join out when a
-- query reads no column of the joined table, and turns it into a search when the WHERE names one.

CREATE VIEW raw_events AS
SELECT l.raw_id AS id,
       strftime('%Y-%m-%dT%H:%M:%S', l.received_ms / 1000, 'unixepoch') || printf('.%03dZ', l.received_ms % 1000) AS received_at,
       o.origin, l.payload, l.payload_bytes, l.parse_error
FROM event_log l LEFT JOIN origins o ON o.origin_no = l.origin_no;

CREATE VIEW events AS
SELECT l.raw_id, s.sessionid, l.source, l.event, l.event_time, l.event_epoch, l.time_estimated, l.eventid,
       l.uniqueid, l.channel, l.calleridnum, l.activenum, l.didnumber, l.direction, l.calltype, l.team_id,
       l.group_id, l.modeltype, l.model_id, l.agentno, l.extra, l.duplicate_of
FROM event_log l LEFT JOIN sessions s ON s.session_no = l.session_no
WHERE l.event IS NOT NULL;

CREATE VIEW calls AS
SELECT s.sessionid, c.direction, c.disposition, c.complete, c.customer_number, c.agent_number, c.agents_rung,
       c.did, c.team_id, c.group_id, c.modeltype, c.model_id, c.start_time, c.start_epoch, c.answer_time,
       c.answer_epoch, c.end_time, c.end_epoch, c.duration_seconds, c.wait_seconds, c.talk_seconds,
       c.hold_seconds, c.hangup_by, c.event_count, c.assembled_at, c.session_no
FROM call_records c LEFT JOIN sessions s ON s.session_no = c.session_no;

CREATE VIEW call_parties AS
SELECT s.sessionid, p.party, p.role, p.number, p.uniqueid, p.channel, p.ring_time, p.ring_epoch,
       p.answer_time, p.answer_epoch, p.hangup_time, p.hangup_epoch, p.ring_seconds, p.answer_seconds,
       p.talk_seconds, p.hold_seconds, p.call_start_time, p.session_no
FROM parties p LEFT JOIN sessions s ON s.session_no = p.session_no;

CREATE VIEW open_sessions AS
SELECT s.sessionid,
       strftime('%Y-%m-%dT%H:%M:%S', o.last_received_ms / 1000, 'unixepoch') || printf('.%03dZ', o.last_received_ms % 1000) AS last_received_at
FROM pending_sessions o LEFT JOIN sessions s ON s.session_no = o.session_no;

-- Version 2's views, over the same names and with the same figures.

-- One branch per role, so `WHERE agent = ?` searches parties_of_agent and parties_of_consult.
CREATE VIEW agent_parties AS
SELECT p.number AS agent, p.role, c.start_time, s.sessionid, c.direction, c.disposition,
       c.customer_number, p.ring_time, p.answer_time, p.hangup_time,
       p.answer_epoch IS NOT NULL AS answered,
       c.agent_number IS p.number AS handled,
       p.ring_seconds, p.talk_seconds, p.hold_seconds
FROM parties p JOIN call_records c ON c.session_no = p.session_no LEFT JOIN sessions s ON s.session_no = p.session_no
WHERE p.role = 'AGENT'
UNION ALL
SELECT p.number AS agent, p.role, c.start_time, s.sessionid, c.direction, c.disposition,
       c.customer_number, p.ring_time, p.answer_time, p.hangup_time,
       p.answer_epoch IS NOT NULL AS answered,
       c.agent_number IS p.number AS handled,
       p.ring_seconds, p.talk_seconds, p.hold_seconds
FROM parties p JOIN call_records c ON c.session_no = p.session_no LEFT JOIN sessions s ON s.session_no = p.session_no
WHERE p.role = 'CONSULT';

-- CROSS JOIN reads calls first, so that `WHERE day = ...` picks a day's calls before their parties.
CREATE VIEW agent_days AS
SELECT substr(c.start_time, 1, 10) AS day,
       p.number AS agent,
       count(*) AS offered,
       count(p.answer_epoch) AS answered,
       count(*) - count(p.answer_epoch) AS missed,
       count(DISTINCT CASE WHEN c.agent_number = p.number THEN c.session_no END) AS handled,
       sum(p.talk_seconds) AS talk_seconds,
       (20 * sum(p.talk_seconds) + count(p.answer_epoch)) / (2 * count(p.answer_epoch)) / 10.0 AS avg_talk_seconds,
       sum(p.hold_seconds) AS hold_seconds,
       (20 * sum(p.ring_seconds) FILTER (WHERE p.answer_epoch IS NOT NULL) + count(p.answer_epoch))
           / (2 * count(p.answer_epoch)) / 10.0 AS avg_ring_seconds
FROM call_records c CROSS JOIN parties p ON p.session_no = c.session_no
WHERE p.role = 'AGENT'
GROUP BY day, agent;

CREATE VIEW open_calls AS
SELECT s.sessionid, 'incomplete' AS state, c.direction, c.customer_number, c.agent_number,
       c.start_time, c.end_time AS last_event_time, c.event_count, NULL AS last_received_at
FROM call_records c JOIN sessions s ON s.session_no = c.session_no WHERE c.complete = 0
UNION ALL
SELECT s.sessionid, 'not assembled', min(e.direction), NULL, NULL,
       min(e.event_time), max(e.event_time), count(e.raw_id),
       strftime('%Y-%m-%dT%H:%M:%S', o.last_received_ms / 1000, 'unixepoch') || printf('.%03dZ', o.last_received_ms % 1000)
FROM pending_sessions o JOIN sessions s ON s.session_no = o.session_no
LEFT JOIN event_log e ON e.session_no = o.session_no AND e.duplicate_of IS NULL
GROUP BY o.session_no;

CREATE VIEW call_summary_by_day AS
SELECT day,
       calls, answered, abandoned, unanswered,
       (2000 * answered + calls) / (2 * calls) / 10.0 AS answer_rate,
       (20 * dialin_answered_wait + dialin_answered) / (2 * dialin_answered) / 10.0 AS asa_seconds,
       (20 * abandoned_wait + abandoned) / (2 * abandoned) / 10.0 AS avg_abandon_seconds,
       (2000 * within_20s + dialin) / (2 * dialin) / 10.0 AS service_level,
       (2000 * within_20s + dialin_answered) / (2 * dialin_answered) / 10.0 AS service_level_answered,
       (20 * answered_talk + answered) / (2 * answered) / 10.0 AS avg_talk_seconds,
       (20 * answered_talk_hold + answered) / (2 * answered) / 10.0 AS aht_seconds,
       total_talk_seconds, max_wait_seconds
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
             sum(talk + hold) FILTER (WHERE answered) AS answered_talk_hold,
             sum(talk) AS total_talk_seconds,
             max(wait) FILTER (WHERE dialin) AS max_wait_seconds
      FROM (SELECT substr(start_time, 1, 10) AS day,
                   direction = 'dialin' COLLATE NOCASE AS dialin, direction = 'dialout' COLLATE NOCASE AS dialout,
                   disposition = 'answered' AS answered, wait_seconds AS wait, talk_seconds AS talk, hold_seconds AS hold
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
       (20 * answered_talk_hold + answered) / (2 * answered) / 10.0 AS aht_seconds,
       total_talk_seconds, max_wait_seconds
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
             sum(talk + hold) FILTER (WHERE answered) AS answered_talk_hold,
             sum(talk) AS total_talk_seconds,
             max(wait) FILTER (WHERE dialin) AS max_wait_seconds
      FROM (SELECT substr(start_time, 1, 10) AS day, substr(start_time, 12, 2) AS hour,
                   direction = 'dialin' COLLATE NOCASE AS dialin, direction = 'dialout' COLLATE NOCASE AS dialout,
                   disposition = 'answered' AS answered, wait_seconds AS wait, talk_seconds AS talk, hold_seconds AS hold
            FROM call_records)
      GROUP BY day, hour);
