/// What must hold of a database once every session in it has been assembled, each as a query that
/// counts the rows breaking it (SPEC 2, 3 and the README's recorded choices); duplicates are
/// checked by `DuplicateCheck`, since SPEC 1.4 compares parsed events, which SQL cannot.
enum StoreInvariants {
    static let all: [(rule: String, violations: String)] = [
        ("a call's ACW is the sum of its AGENT parties' (SPEC 6.3)", """
            SELECT count(*) FROM calls c WHERE c.acw_seconds <>
                (SELECT coalesce(sum(p.acw_seconds), 0) FROM call_parties p WHERE p.sessionid = c.sessionid AND p.role = 'AGENT')
            """),
        ("a party's ACW is the closed acw interval that belongs to it (SPEC 6.3)", """
            SELECT count(*) FROM call_parties p WHERE p.acw_seconds <> coalesce((SELECT a.seconds FROM agent_states a
                WHERE a.state = 'acw' AND a.acw_sessionid = p.sessionid AND a.acw_party = p.party AND a.seconds IS NOT NULL), 0)
            """),
        ("an interval ends at or after its start, and only an acw belongs to a call (SPEC 6.2, 6.3)", """
            SELECT count(*) FROM agent_states WHERE seconds < 0 OR (state <> 'acw' AND acw_party IS NOT NULL)
            """),
        ("an agent has at most one open interval of a kind (and group) (SPEC 6.2)", """
            SELECT count(*) FROM (SELECT 1 FROM agent_states WHERE end_epoch IS NULL
                GROUP BY agent, state, group_id HAVING count(*) > 1)
            """),
        ("extra is a JSON object (SPEC 2.1)", """
            SELECT count(*) FROM events WHERE extra IS NOT NULL AND (json_valid(extra) = 0 OR json_type(extra) <> 'object')
            """),
        ("every session has a call record once stale sessions are assembled (SPEC 3)", """
            SELECT count(*) FROM (SELECT DISTINCT sessionid FROM events WHERE sessionid IS NOT NULL) s
            WHERE NOT EXISTS (SELECT 1 FROM calls c WHERE c.sessionid = s.sessionid)
            """),
        ("no session stays open once stale sessions are assembled (SPEC 3)", "SELECT count(*) FROM open_sessions"),
        ("every call record has events (SPEC 3)", """
            SELECT count(*) FROM calls c WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.sessionid = c.sessionid)
            """),
        ("complete is 1 exactly when the CONVERSATION hangup has arrived (SPEC 3.2)", """
            SELECT count(*) FROM calls c WHERE c.complete <> EXISTS (SELECT 1 FROM events e WHERE e.sessionid = c.sessionid
                AND e.source = 'CONVERSATION' AND e.event = 'hangup' AND e.duplicate_of IS NULL)
            """),
        ("event_count counts the non-duplicate events (README)", """
            SELECT count(*) FROM calls c WHERE c.event_count <>
                (SELECT count(*) FROM events e WHERE e.sessionid = c.sessionid AND e.duplicate_of IS NULL)
            """),
        ("start_epoch is the earliest event time (SPEC 3.2)", """
            SELECT count(*) FROM calls c WHERE c.start_epoch IS NOT
                (SELECT min(e.event_epoch) FROM events e WHERE e.sessionid = c.sessionid AND e.duplicate_of IS NULL)
            """),
        ("an incomplete call ends at its latest event time (SPEC 3.2)", """
            SELECT count(*) FROM calls c WHERE c.complete = 0 AND c.end_epoch IS NOT
                (SELECT max(e.event_epoch) FROM events e WHERE e.sessionid = c.sessionid AND e.duplicate_of IS NULL)
            """),
        ("duration = end - start, wait = (answer, else end) - start, clamped at 0 (SPEC 3.2, README)", """
            SELECT count(*) FROM calls WHERE duration_seconds IS NOT max(0, end_epoch - start_epoch)
                OR wait_seconds IS NOT max(0, coalesce(answer_epoch, end_epoch) - start_epoch)
            """),
        ("a call is answered exactly when it has an answer time (SPEC 3.2)", """
            SELECT count(*) FROM calls WHERE (disposition = 'answered') <> (answer_epoch IS NOT NULL)
            """),
        ("an unanswered call's disposition follows its direction (SPEC 3.2)", """
            SELECT count(*) FROM calls WHERE answer_epoch IS NULL AND NOT CASE
                WHEN direction IS NULL THEN disposition = 'unknown'
                WHEN lower(direction) = 'dialin' THEN disposition = 'abandoned'
                WHEN lower(direction) = 'dialout' THEN disposition IN ('agent_no_answer', 'failed', 'no_answer')
                ELSE 1 END
            """),
        ("hangup_by is customer, agent or consult (SPEC 3.2)", """
            SELECT count(*) FROM calls WHERE hangup_by NOT IN ('customer', 'agent', 'consult')
            """),
        ("agents_rung counts the AGENT parties (SPEC 3.2)", """
            SELECT count(*) FROM calls c WHERE c.agents_rung <>
                (SELECT count(*) FROM call_parties p WHERE p.sessionid = c.sessionid AND p.role = 'AGENT')
            """),
        ("parties are numbered 1, 2, ... (SPEC 2.1)", """
            SELECT count(*) FROM (SELECT count(*) AS n, min(party) AS first, max(party) AS last
                FROM call_parties GROUP BY sessionid) WHERE first <> 1 OR last <> n
            """),
        ("a party's ring and answer seconds follow SPEC 3.1, clamped at 0 (README)", """
            SELECT count(*) FROM call_parties p JOIN calls c USING (sessionid)
            WHERE p.ring_seconds IS NOT max(0, coalesce(p.answer_epoch, p.hangup_epoch, c.end_epoch) - p.ring_epoch)
                OR p.answer_seconds IS NOT
                    CASE WHEN p.answer_epoch IS NULL THEN NULL ELSE max(0, coalesce(p.hangup_epoch, c.end_epoch) - p.answer_epoch) END
            """),
    ]
}
