-- Program-metric and NPS rollups (docs/adr/008-incremental-rollups.md).
--
-- reporting_rollup_day / _mechanism / _unit hold, per local day (in the reporting time zone) and segment
-- (tier, program, touchpoint, kind), the sufficient statistics of the program metrics and the NPS counts.
-- They are recomputed per day from the row-level data by Rollups.fold, never incremented.
--
-- reporting_rollup_dirty is the list of responses whose aggregates may have changed: an append-only row per
-- changed UTC day, [lo, hi] the responded_at span of the changed responses that day. Statement-level triggers on
-- the source tables write it in the same transaction as the change (no row is ever updated, so concurrent
-- intake never waits on it). A read takes the rollup for clean days and recomputes the dirty days (and the
-- partial days at the period's edges) from the rows, in one statement: exact at every moment. The fold
-- deletes the markers it saw and rewrites those days in one REPEATABLE READ transaction.

CREATE TABLE reporting_rollup_meta (
  id            boolean PRIMARY KEY DEFAULT true CHECK (id),
  zone          text NOT NULL,         -- days are cut in this zone
  recovery_secs bigint NOT NULL,       -- followthrough.reporting.recovery-window the unit rows were computed with
  churn_secs    bigint NOT NULL,       -- followthrough.reporting.churn-window
  built_at      timestamptz NOT NULL
);

CREATE TABLE reporting_rollup_dirty (
  id bigserial PRIMARY KEY,
  lo timestamptz NOT NULL,
  hi timestamptz NOT NULL,
  at timestamptz NOT NULL DEFAULT now()   -- when it changed: a day still changing is left for a later fold
);

CREATE TABLE reporting_rollup_day (
  day                date NOT NULL,
  tier               text,
  program            text,
  touchpoint         text,
  kind               text,
  promoters          bigint NOT NULL,
  passives           bigint NOT NULL,
  detractors         bigint NOT NULL,
  cases              bigint NOT NULL,
  sla_k              bigint NOT NULL,     -- contacted before the deadline
  contacted          bigint NOT NULL,
  uncontacted_due    timestamptz[] NOT NULL,   -- deadlines of cases not contacted (within SLA counts them once due)
  contact_secs       float8[] NOT NULL,        -- seconds from opening to first contact, per contacted case (percentiles)
  reached            bigint NOT NULL,
  engaged            bigint NOT NULL,
  sessions           bigint NOT NULL,
  sessions_completed bigint NOT NULL,
  completed          bigint NOT NULL,
  identified         bigint NOT NULL,
  ai_interviews      bigint NOT NULL,
  calls              bigint NOT NULL,
  emails             bigint NOT NULL
);
CREATE INDEX reporting_rollup_day_day ON reporting_rollup_day (day);

-- mechanisms identified in completed follow-ups of that day and segment
CREATE TABLE reporting_rollup_mechanism (
  day        date NOT NULL,
  tier       text,
  program    text,
  touchpoint text,
  kind       text,
  mechanism  text NOT NULL
);
CREATE INDEX reporting_rollup_mechanism_day ON reporting_rollup_mechanism (day);

-- Outcome units: per unit set, the unit's first qualifying response of that day and segment. A period's unit is
-- the first of these over its days, so recovery and churn count each contact / account once, as row level does.
-- unit_set: 1 recovery (contact), 2 churn (account), 3 dividend arm (contact), 4 dividend churn (account),
-- 5 recovered account.
CREATE TABLE reporting_rollup_unit (
  day          date NOT NULL,
  tier         text,
  program      text,
  touchpoint   text,
  kind         text,
  unit_set     smallint NOT NULL,
  unit         uuid NOT NULL,
  responded_at timestamptz NOT NULL,
  response_id  uuid NOT NULL,
  contacted    boolean NOT NULL,
  status       text NOT NULL,           -- sla, late, never
  later        integer,
  churned      boolean NOT NULL,
  follow_up    boolean,
  holdout      boolean
);
CREATE INDEX reporting_rollup_unit_day ON reporting_rollup_unit (day);

-- Marks the UTC days of the given responded_at values dirty (one row per day).
CREATE FUNCTION reporting_rollup_mark(ats timestamptz[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO reporting_rollup_dirty (lo, hi)
  SELECT min(a), max(a) FROM unnest(ats) a WHERE a IS NOT NULL GROUP BY date_trunc('day', a, 'UTC');
$$;

-- responses: the response itself, and the contact's previous response (its "later score" is this one).
CREATE FUNCTION reporting_rollup_mark_responses(contacts uuid[], ats timestamptz[], ids uuid[]) RETURNS void LANGUAGE sql AS $$
  SELECT reporting_rollup_mark(ARRAY(
    SELECT c.at FROM unnest(contacts, ats, ids) c (contact_id, at, id)
    UNION ALL
    SELECT (SELECT max(p.responded_at) FROM responses_response p
             WHERE p.contact_id = c.contact_id AND p.responded_at <= c.at AND p.id <> c.id
               AND p.responded_at >= c.at - make_interval(secs => coalesce((SELECT recovery_secs FROM reporting_rollup_meta), 3650 * 86400)))
      FROM unnest(contacts, ats, ids) c (contact_id, at, id) WHERE c.contact_id IS NOT NULL));
$$;
CREATE FUNCTION reporting_rollup_responses() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM reporting_rollup_mark_responses(array_agg(contact_id), array_agg(responded_at), array_agg(id)) FROM nw;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM reporting_rollup_mark_responses(array_agg(contact_id), array_agg(responded_at), array_agg(id)) FROM od;
  ELSE
    -- both versions of the rows whose aggregates can change (a new comment or language is not counted anywhere)
    PERFORM reporting_rollup_mark_responses(array_agg(x.contact_id), array_agg(x.at), array_agg(x.id))
       FROM od JOIN nw ON nw.id = od.id
      CROSS JOIN LATERAL (VALUES (od.contact_id, od.responded_at, od.id), (nw.contact_id, nw.responded_at, nw.id)) x (contact_id, at, id)
      WHERE (od.score, od.responded_at, od.program, od.touchpoint, od.kind, od.contact_id, od.account_id)
            IS DISTINCT FROM (nw.score, nw.responded_at, nw.program, nw.touchpoint, nw.kind, nw.contact_id, nw.account_id);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER reporting_rollup_ins AFTER INSERT ON responses_response REFERENCING NEW TABLE AS nw
  FOR EACH STATEMENT EXECUTE FUNCTION reporting_rollup_responses();
CREATE TRIGGER reporting_rollup_upd AFTER UPDATE ON responses_response REFERENCING OLD TABLE AS od NEW TABLE AS nw
  FOR EACH STATEMENT EXECUTE FUNCTION reporting_rollup_responses();
CREATE TRIGGER reporting_rollup_del AFTER DELETE ON responses_response REFERENCING OLD TABLE AS od
  FOR EACH STATEMENT EXECUTE FUNCTION reporting_rollup_responses();

-- accounts: a tier change moves every response of the account to another segment.
CREATE FUNCTION reporting_rollup_accounts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM reporting_rollup_mark(ARRAY(
    SELECT r.responded_at FROM od JOIN nw ON nw.id = od.id JOIN responses_response r ON r.account_id = nw.id
     WHERE od.tier IS DISTINCT FROM nw.tier));
  RETURN NULL;
END $$;
CREATE TRIGGER reporting_rollup_upd AFTER UPDATE ON responses_account REFERENCING OLD TABLE AS od NEW TABLE AS nw
  FOR EACH STATEMENT EXECUTE FUNCTION reporting_rollup_accounts();

-- account events: churn counts when the event falls within the churn window after a response of the account.
CREATE FUNCTION reporting_rollup_account_events() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  window_secs bigint := coalesce((SELECT churn_secs FROM reporting_rollup_meta), 3650 * 86400);
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM reporting_rollup_mark(ARRAY(SELECT r.responded_at FROM nw JOIN responses_response r ON r.account_id = nw.account_id
      AND r.responded_at >= nw.event_date - make_interval(secs => window_secs) - interval '2 days'
      AND r.responded_at < nw.event_date + interval '2 days'));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM reporting_rollup_mark(ARRAY(SELECT r.responded_at FROM od JOIN responses_response r ON r.account_id = od.account_id
      AND r.responded_at >= od.event_date - make_interval(secs => window_secs) - interval '2 days'
      AND r.responded_at < od.event_date + interval '2 days'));
  ELSE
    PERFORM reporting_rollup_mark(ARRAY(SELECT r.responded_at
      FROM (SELECT account_id, event_date FROM od UNION SELECT account_id, event_date FROM nw) e
      JOIN responses_response r ON r.account_id = e.account_id
       AND r.responded_at >= e.event_date - make_interval(secs => window_secs) - interval '2 days'
       AND r.responded_at < e.event_date + interval '2 days'));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER reporting_rollup_ins AFTER INSERT ON responses_account_event REFERENCING NEW TABLE AS nw
  FOR EACH STATEMENT EXECUTE FUNCTION reporting_rollup_account_events();
CREATE TRIGGER reporting_rollup_upd AFTER UPDATE ON responses_account_event REFERENCING OLD TABLE AS od NEW TABLE AS nw
  FOR EACH STATEMENT EXECUTE FUNCTION reporting_rollup_account_events();
CREATE TRIGGER reporting_rollup_del AFTER DELETE ON responses_account_event REFERENCING OLD TABLE AS od
  FOR EACH STATEMENT EXECUTE FUNCTION reporting_rollup_account_events();

-- decisions, cases: the response they belong to (response_id).
CREATE FUNCTION reporting_rollup_by_response() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM reporting_rollup_mark(ARRAY(SELECT r.responded_at FROM nw JOIN responses_response r ON r.id = nw.response_id));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM reporting_rollup_mark(ARRAY(SELECT r.responded_at FROM od JOIN responses_response r ON r.id = od.response_id));
  ELSE
    PERFORM reporting_rollup_mark(ARRAY(SELECT r.responded_at
      FROM (SELECT response_id FROM od UNION SELECT response_id FROM nw) x JOIN responses_response r ON r.id = x.response_id));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER reporting_rollup_ins AFTER INSERT ON triggers_decision REFERENCING NEW TABLE AS nw
  FOR EACH STATEMENT EXECUTE FUNCTION reporting_rollup_by_response();
CREATE TRIGGER reporting_rollup_upd AFTER UPDATE ON triggers_decision REFERENCING OLD TABLE AS od NEW TABLE AS nw
  FOR EACH STATEMENT EXECUTE FUNCTION reporting_rollup_by_response();
CREATE TRIGGER reporting_rollup_del AFTER DELETE ON triggers_decision REFERENCING OLD TABLE AS od
  FOR EACH STATEMENT EXECUTE FUNCTION reporting_rollup_by_response();
CREATE TRIGGER reporting_rollup_ins AFTER INSERT ON followup_case REFERENCING NEW TABLE AS nw
  FOR EACH STATEMENT EXECUTE FUNCTION reporting_rollup_by_response();
CREATE TRIGGER reporting_rollup_upd AFTER UPDATE ON followup_case REFERENCING OLD TABLE AS od NEW TABLE AS nw
  FOR EACH STATEMENT EXECUTE FUNCTION reporting_rollup_by_response();
CREATE TRIGGER reporting_rollup_del AFTER DELETE ON followup_case REFERENCING OLD TABLE AS od
  FOR EACH STATEMENT EXECUTE FUNCTION reporting_rollup_by_response();

-- interview sessions: the response of their case.
CREATE FUNCTION reporting_rollup_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM reporting_rollup_mark(ARRAY(SELECT r.responded_at FROM nw
      JOIN responses_response r ON r.id = nw.response_id OR r.id = (SELECT c.response_id FROM followup_case c WHERE c.id = nw.case_id)));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM reporting_rollup_mark(ARRAY(SELECT r.responded_at FROM od
      JOIN responses_response r ON r.id = od.response_id OR r.id = (SELECT c.response_id FROM followup_case c WHERE c.id = od.case_id)));
  ELSE
    PERFORM reporting_rollup_mark(ARRAY(SELECT r.responded_at
      FROM (SELECT response_id, case_id FROM od UNION SELECT response_id, case_id FROM nw) x
      JOIN responses_response r ON r.id = x.response_id OR r.id = (SELECT c.response_id FROM followup_case c WHERE c.id = x.case_id)));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER reporting_rollup_ins AFTER INSERT ON interviews_session REFERENCING NEW TABLE AS nw
  FOR EACH STATEMENT EXECUTE FUNCTION reporting_rollup_sessions();
CREATE TRIGGER reporting_rollup_upd AFTER UPDATE ON interviews_session REFERENCING OLD TABLE AS od NEW TABLE AS nw
  FOR EACH STATEMENT EXECUTE FUNCTION reporting_rollup_sessions();
CREATE TRIGGER reporting_rollup_del AFTER DELETE ON interviews_session REFERENCING OLD TABLE AS od
  FOR EACH STATEMENT EXECUTE FUNCTION reporting_rollup_sessions();

-- coded texts and their codings: the response the text is (or whose interview it is).
CREATE FUNCTION reporting_rollup_mark_sources(kinds text[], ids uuid[]) RETURNS void LANGUAGE sql AS $$
  SELECT reporting_rollup_mark(ARRAY(
    SELECT r.responded_at FROM unnest(kinds, ids) s (kind, id)
      JOIN responses_response r ON (s.kind = 'response' AND r.id = s.id)
        OR (s.kind = 'interview' AND r.id = (SELECT coalesce(i.response_id, c.response_id) FROM interviews_session i
                                               LEFT JOIN followup_case c ON c.id = i.case_id WHERE i.id = s.id))));
$$;
CREATE FUNCTION reporting_rollup_texts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM reporting_rollup_mark_sources(ARRAY(SELECT source_type FROM od), ARRAY(SELECT source_id FROM od));
  ELSE
    PERFORM reporting_rollup_mark_sources(
      ARRAY(SELECT od.source_type FROM od JOIN nw ON nw.id = od.id WHERE (od.source_type, od.source_id) IS DISTINCT FROM (nw.source_type, nw.source_id)
            UNION ALL SELECT nw.source_type FROM od JOIN nw ON nw.id = od.id WHERE (od.source_type, od.source_id) IS DISTINCT FROM (nw.source_type, nw.source_id)),
      ARRAY(SELECT od.source_id FROM od JOIN nw ON nw.id = od.id WHERE (od.source_type, od.source_id) IS DISTINCT FROM (nw.source_type, nw.source_id)
            UNION ALL SELECT nw.source_id FROM od JOIN nw ON nw.id = od.id WHERE (od.source_type, od.source_id) IS DISTINCT FROM (nw.source_type, nw.source_id)));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER reporting_rollup_upd AFTER UPDATE ON insights_text REFERENCING OLD TABLE AS od NEW TABLE AS nw
  FOR EACH STATEMENT EXECUTE FUNCTION reporting_rollup_texts();
CREATE TRIGGER reporting_rollup_del AFTER DELETE ON insights_text REFERENCING OLD TABLE AS od
  FOR EACH STATEMENT EXECUTE FUNCTION reporting_rollup_texts();

CREATE FUNCTION reporting_rollup_codings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM reporting_rollup_mark_sources(ARRAY(SELECT t.source_type FROM nw JOIN insights_text t ON t.id = nw.text_id),
                                          ARRAY(SELECT t.source_id FROM nw JOIN insights_text t ON t.id = nw.text_id));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM reporting_rollup_mark_sources(ARRAY(SELECT t.source_type FROM od JOIN insights_text t ON t.id = od.text_id),
                                          ARRAY(SELECT t.source_id FROM od JOIN insights_text t ON t.id = od.text_id));
  ELSE
    PERFORM reporting_rollup_mark_sources(
      ARRAY(SELECT t.source_type FROM (SELECT text_id FROM od UNION SELECT text_id FROM nw) x JOIN insights_text t ON t.id = x.text_id),
      ARRAY(SELECT t.source_id FROM (SELECT text_id FROM od UNION SELECT text_id FROM nw) x JOIN insights_text t ON t.id = x.text_id));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER reporting_rollup_ins AFTER INSERT ON insights_coding REFERENCING NEW TABLE AS nw
  FOR EACH STATEMENT EXECUTE FUNCTION reporting_rollup_codings();
CREATE TRIGGER reporting_rollup_upd AFTER UPDATE ON insights_coding REFERENCING OLD TABLE AS od NEW TABLE AS nw
  FOR EACH STATEMENT EXECUTE FUNCTION reporting_rollup_codings();
CREATE TRIGGER reporting_rollup_del AFTER DELETE ON insights_coding REFERENCING OLD TABLE AS od
  FOR EACH STATEMENT EXECUTE FUNCTION reporting_rollup_codings();
