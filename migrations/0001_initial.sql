-- astercdr schema, version 1. Names and meanings of tables and columns are the contract of
-- SPEC section 2: never edit this file once it has shipped; add a new numbered migration.

-- Key/value settings of this database; `timezone` is the IANA zone of every *_time column.
CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- Every event received, in arrival order, exactly as received.
CREATE TABLE raw_events (
    id            INTEGER PRIMARY KEY,
    received_at   TEXT NOT NULL,          -- UTC, ISO-8601 with milliseconds
    origin        TEXT NOT NULL,          -- file:PATH, stdin, http, subscribe:URL
    payload       TEXT NOT NULL,          -- the event's text (lossy when it was not UTF-8)
    payload_bytes BLOB,                   -- the exact bytes, only when they were not UTF-8
    parse_error   TEXT                    -- NULL when parsed
) STRICT;

-- One row per parsed event: the raw event's fields as columns.
CREATE TABLE events (
    raw_id         INTEGER PRIMARY KEY REFERENCES raw_events (id),
    sessionid      TEXT,                  -- NULL for agent-state events
    source         TEXT,                  -- upper-cased
    event          TEXT NOT NULL,         -- lower-cased
    event_time     TEXT NOT NULL,         -- YYYY-MM-DD HH:MM:SS in the database's zone
    event_epoch    INTEGER NOT NULL,
    time_estimated INTEGER NOT NULL DEFAULT 0 CHECK (time_estimated IN (0, 1)),
    eventid        TEXT,
    uniqueid       TEXT,
    channel        TEXT,
    calleridnum    TEXT,
    activenum      TEXT,
    didnumber      TEXT,
    direction      TEXT,                  -- the `from` key: dialin / dialout
    calltype       TEXT,
    team_id        TEXT,
    group_id       TEXT,
    modeltype      TEXT,
    model_id       TEXT,
    agentno        TEXT,
    extra          TEXT,                  -- JSON object of the keys astercdr does not know
    duplicate_of   INTEGER REFERENCES raw_events (id),
    dedupe_key     INTEGER NOT NULL       -- hash of eventid, or of the event's key/value set (SPEC 1.4)
) STRICT;

-- A session's events, and the duplicate check (same session, same dedupe_key).
CREATE INDEX events_by_session ON events (sessionid, dedupe_key);

-- One call record per session, written by the assembler.
CREATE TABLE calls (
    sessionid        TEXT PRIMARY KEY,
    direction        TEXT,
    disposition      TEXT NOT NULL,       -- answered, abandoned, no_answer, agent_no_answer, failed, unknown
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
    hangup_by        TEXT,                -- customer, agent, consult
    event_count      INTEGER NOT NULL,
    assembled_at     TEXT NOT NULL        -- UTC, ISO-8601 with milliseconds
) STRICT;

CREATE INDEX calls_by_start ON calls (start_time);
CREATE INDEX calls_by_agent ON calls (agent_number, start_time);

-- One row per party of a call, numbered in the session order of their first events.
CREATE TABLE call_parties (
    sessionid      TEXT NOT NULL REFERENCES calls (sessionid) ON DELETE CASCADE,
    party          INTEGER NOT NULL,
    role           TEXT NOT NULL,         -- AGENT, CALLER, CALLEE, CONSULT
    number         TEXT,
    uniqueid       TEXT,
    channel        TEXT,
    ring_time      TEXT NOT NULL,
    ring_epoch     INTEGER NOT NULL,
    answer_time    TEXT,
    answer_epoch   INTEGER,
    hangup_time    TEXT,
    hangup_epoch   INTEGER,
    ring_seconds   INTEGER NOT NULL,
    answer_seconds INTEGER,
    talk_seconds   INTEGER NOT NULL,
    hold_seconds   INTEGER NOT NULL,
    call_start_time TEXT NOT NULL,        -- the call's start_time, so an agent's parties are found by date
    PRIMARY KEY (sessionid, party)
) STRICT, WITHOUT ROWID;

-- An agent's parties. Customers are found through calls.customer_number; leaving their random
-- numbers out keeps this index cheap to insert into.
CREATE INDEX call_parties_by_agent ON call_parties (number) WHERE role IN ('AGENT', 'CONSULT');
-- The agent report over a date range reads this index alone, in time order; time-ordered keys are
-- cheap to insert, where call_parties itself is keyed by random sessionids. `role` is listed too:
-- SQLite counts a partial index as covering only when it holds the columns of its own WHERE.
CREATE INDEX call_parties_agent_by_start ON call_parties
    (call_start_time, number, answer_epoch, ring_seconds, talk_seconds, hold_seconds, role) WHERE role = 'AGENT';

-- Sessions that have events but no call record yet: what the stale check looks at.
-- Rows leave when the session is assembled, so the table stays as small as the calls in progress.
CREATE TABLE open_sessions (
    sessionid        TEXT PRIMARY KEY,
    last_received_at TEXT NOT NULL        -- received_at of its newest event
) STRICT, WITHOUT ROWID;

-- How far each resumable source got, written in the same transaction as the events it covers.
CREATE TABLE ingest_cursors (
    origin     TEXT PRIMARY KEY,          -- file:ABSOLUTE-PATH, subscribe:URL
    position   TEXT NOT NULL,             -- JSON: {"device":..,"inode":..,"offset":..} for files
    updated_at TEXT NOT NULL
) STRICT;
