-- astercdr schema, version 2: views for the sqlite3 shell user, and two indexes for reports.
-- The figures follow SPEC 5 and `astercdr report` (service level at 20 seconds); open calls
-- (complete = 0) count as they stand. Never edit this file once it has shipped.

-- A customer's calls (`calls --number`, `WHERE customer_number = ...`): one entry per call,
-- which costs ingest far less than the per-event indexes do.
CREATE INDEX calls_by_customer ON calls (customer_number);

-- Calls assembled without their CONVERSATION hangup; only those rows are in the index.
CREATE INDEX calls_still_open ON calls (start_time) WHERE complete = 0;

-- Every AGENT and CONSULT party with its call: who was offered what, and what became of it.
CREATE VIEW agent_parties AS
SELECT p.number AS agent, p.role, c.start_time, p.sessionid, c.direction, c.disposition,
       c.customer_number, p.ring_time, p.answer_time, p.hangup_time,
       p.answer_epoch IS NOT NULL AS answered,
       c.agent_number IS p.number AS handled,
       p.ring_seconds, p.talk_seconds, p.hold_seconds
FROM call_parties p JOIN calls c ON c.sessionid = p.sessionid
WHERE p.role IN ('AGENT', 'CONSULT');

-- Per agent per day (the day of the call's start_time): the figures of `astercdr report agents`,
-- rounded as the summaries below are.
-- CROSS JOIN reads calls first, so that `WHERE day = ...` picks a day's calls before their parties.
CREATE VIEW agent_days AS
SELECT substr(c.start_time, 1, 10) AS day,
       p.number AS agent,
       count(*) AS offered,
       count(p.answer_epoch) AS answered,
       count(*) - count(p.answer_epoch) AS missed,
       count(DISTINCT CASE WHEN c.agent_number = p.number THEN c.sessionid END) AS handled,
       sum(p.talk_seconds) AS talk_seconds,
       (20 * sum(p.talk_seconds) + count(p.answer_epoch)) / (2 * count(p.answer_epoch)) / 10.0 AS avg_talk_seconds,
       sum(p.hold_seconds) AS hold_seconds,
       (20 * sum(p.ring_seconds) FILTER (WHERE p.answer_epoch IS NOT NULL) + count(p.answer_epoch))
           / (2 * count(p.answer_epoch)) / 10.0 AS avg_ring_seconds
FROM calls c CROSS JOIN call_parties p ON p.sessionid = c.sessionid
WHERE p.role = 'AGENT'
GROUP BY day, agent;

-- Calls still going, or whose end never came: records with complete = 0, and sessions that
-- have events but no record yet.
CREATE VIEW open_calls AS
SELECT c.sessionid, 'incomplete' AS state, c.direction, c.customer_number, c.agent_number,
       c.start_time, c.end_time AS last_event_time, c.event_count, NULL AS last_received_at
FROM calls c WHERE c.complete = 0
UNION ALL
SELECT o.sessionid, 'not assembled', min(e.direction), NULL, NULL,
       min(e.event_time), max(e.event_time), count(e.raw_id), o.last_received_at
FROM open_sessions o LEFT JOIN events e ON e.sessionid = o.sessionid AND e.duplicate_of IS NULL
GROUP BY o.sessionid;

-- The summary's figures per day, and per day and hour, rounded as `astercdr report` rounds them:
-- exactly, half up, from whole-number sums (a division by zero count is NULL).
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
            FROM calls)
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
            FROM calls)
      GROUP BY day, hour);
