-- Passes: signed QR credentials for people and vehicles (issue 7). The code itself is computed, never stored.
CREATE TABLE pass (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind           text        NOT NULL CHECK (kind IN ('PERSON', 'VEHICLE')),
    holder_name    text        NOT NULL,
    plate          text,
    person_id      uuid REFERENCES person (id),
    visit_id       uuid,                                  -- a visit pass (issue 6), one per visit
    personal_site  uuid REFERENCES site (id),             -- a staff member's own pass (myPass), one per site
    site_ids       uuid[]      NOT NULL CHECK (cardinality(site_ids) BETWEEN 1 AND 8),
    admit_once     boolean     NOT NULL DEFAULT false,
    -- for admit-once passes: UNUSED, then INSIDE after the entry, USED after the exit; NULL otherwise
    admit_state    text CHECK (admit_state IN ('UNUSED', 'INSIDE', 'USED')),
    valid_from     timestamptz NOT NULL,
    valid_until    timestamptz NOT NULL,
    generation     integer     NOT NULL DEFAULT 1 CHECK (generation > 0),   -- codes of older generations are revoked
    revoked_at     timestamptz,
    revoked_reason text,
    issued_by      uuid REFERENCES person (id),
    created_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (valid_until > valid_from),
    CHECK ((admit_state IS NULL) = (NOT admit_once)),
    CHECK (kind = 'PERSON' OR plate IS NOT NULL)
);
CREATE UNIQUE INDEX pass_personal_idx ON pass (person_id, personal_site) WHERE personal_site IS NOT NULL;
CREATE UNIQUE INDEX pass_visit_idx ON pass (visit_id) WHERE visit_id IS NOT NULL;
CREATE INDEX pass_sites_idx ON pass USING gin (site_ids);

-- Revocations, numbered so that a guard's phone fetches only what changed since the version it has.
-- generation NULL: the whole pass is revoked; a number: codes below that generation are (the pass was re-issued).
-- Versions come from the single counter row, whose lock is held to commit: they become visible in order, so a
-- phone that has seen version n never misses a smaller one committed later.
CREATE TABLE pass_revocation (
    version    bigint PRIMARY KEY,
    pass_id    uuid        NOT NULL REFERENCES pass (id),
    generation integer,
    revoked_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pass_revocation_pass_idx ON pass_revocation (pass_id);
CREATE TABLE pass_revocation_counter (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    version  bigint  NOT NULL
);
INSERT INTO pass_revocation_counter (version) VALUES (0);

-- Every scan, online or uploaded from a phone that scanned offline (client-made id: uploads are idempotent).
CREATE TABLE pass_scan (
    id          uuid PRIMARY KEY,
    pass_id     uuid REFERENCES pass (id),                -- NULL when the code was not a valid pass code
    site_id     uuid        NOT NULL REFERENCES site (id),
    gate_id     uuid        NOT NULL REFERENCES gate (id),
    guard_id    uuid REFERENCES person (id),
    direction   text        NOT NULL CHECK (direction IN ('IN', 'OUT')),
    decision    text        NOT NULL CHECK (decision IN ('ALLOW', 'DENY')),
    reason      text        NOT NULL CHECK (reason IN ('OK', 'INVALID', 'EXPIRED', 'NOT_YET_VALID', 'REVOKED',
                                                       'WRONG_SITE', 'ALREADY_INSIDE', 'NOT_INSIDE')),
    source      text        NOT NULL CHECK (source IN ('ONLINE', 'OFFLINE')),
    flagged     boolean     NOT NULL DEFAULT false,       -- an admit-once pass admitted more than once
    scanned_at  timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pass_scan_site_idx ON pass_scan (site_id, scanned_at DESC, id DESC);
CREATE INDEX pass_scan_pass_idx ON pass_scan (pass_id);
