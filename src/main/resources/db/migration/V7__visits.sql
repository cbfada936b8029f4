-- Visits: a visitor expected at a site in a time window, from invitation or request to deletion of their face.

CREATE TABLE visit (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    site_id              uuid        NOT NULL REFERENCES site (id),
    host_id              uuid REFERENCES person (id),   -- NULL only for a parked request (unknown host, blocklisted)
    parked_reason        text CHECK (parked_reason IN ('UNKNOWN_HOST', 'BLOCKLISTED')),
    status               text        NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'CANCELLED',
                                                                'CHECKED_IN', 'CHECKED_OUT', 'EXPIRED')),
    visitor_name         text        NOT NULL,
    visitor_phone        text        NOT NULL,          -- E.164
    purpose              text,
    plate                text,                          -- normalised: upper case, no spaces
    id_card_hash         text,                          -- HMAC-SHA256 of the ID-card number, hex
    id_card_last4        text,
    companion_names      text[]      NOT NULL DEFAULT '{}',
    companion_count      integer     NOT NULL DEFAULT 0 CHECK (companion_count BETWEEN 0 AND 50),
    arrive_from          timestamptz NOT NULL,
    arrive_until         timestamptz NOT NULL,
    token_hash           text        NOT NULL UNIQUE,   -- SHA-256 of the visitor link token, base64url
    face_consent_at      timestamptz,
    face_consent_version text,
    reject_reason        text,
    cancel_reason        text,
    decided_by           uuid REFERENCES person (id),
    checked_in_at        timestamptz,
    checked_out_at       timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    CHECK (arrive_until > arrive_from),
    CHECK (host_id IS NOT NULL OR parked_reason IS NOT NULL)
);
CREATE INDEX visit_host_idx ON visit (host_id, arrive_from DESC);
CREATE INDEX visit_site_window_idx ON visit (site_id, arrive_from, arrive_until);
CREATE INDEX visit_open_idx ON visit (arrive_until) WHERE status IN ('REQUESTED', 'APPROVED', 'CHECKED_IN');
CREATE INDEX visit_plate_idx ON visit (site_id, plate) WHERE plate IS NOT NULL;

-- The face photo of a visit, AES-GCM encrypted; one per visit, never returned by any API.
CREATE TABLE visit_face (
    visit_id     uuid PRIMARY KEY REFERENCES visit (id),
    content_type text        NOT NULL,
    nonce        bytea       NOT NULL,
    ciphertext   bytea       NOT NULL,
    uploaded_at  timestamptz NOT NULL DEFAULT now()
);

-- Proof that a face was deleted: when, and why (CANCELLED, REJECTED, RETENTION, WITHDRAWN, REPLACED).
CREATE TABLE visit_face_deletion (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    visit_id   uuid        NOT NULL REFERENCES visit (id),
    deleted_at timestamptz NOT NULL,
    reason     text        NOT NULL
);
CREATE INDEX visit_face_deletion_visit_idx ON visit_face_deletion (visit_id);

-- Text messages to visitors (who have no account): an outbox that an SMS sender drains.
CREATE TABLE visitor_message (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    visit_id   uuid        NOT NULL REFERENCES visit (id),
    phone      text        NOT NULL,
    kind       text        NOT NULL,
    body       text        NOT NULL,               -- Simplified Chinese, then English
    created_at timestamptz NOT NULL DEFAULT now(),
    sent_at    timestamptz
);
CREATE INDEX visitor_message_unsent_idx ON visitor_message (created_at) WHERE sent_at IS NULL;

-- Counters for the public operation's rate limit, shared by every replica.
CREATE TABLE visit_rate_counter (
    key          text        NOT NULL,
    window_start timestamptz NOT NULL,
    hits         integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (key, window_start)
);

-- Phones, ID-card hashes and plates that may not visit.
CREATE TABLE visit_blocklist (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind       text        NOT NULL CHECK (kind IN ('PHONE', 'ID_CARD', 'PLATE')),
    value      text        NOT NULL,
    reason     text,
    created_by uuid REFERENCES person (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (kind, value)
);

-- Access devices at the gates: face terminals and plate cameras.
CREATE TABLE access_device (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    gate_id            uuid        NOT NULL REFERENCES gate (id),
    site_id            uuid        NOT NULL REFERENCES site (id),
    name               text        NOT NULL,
    kind               text        NOT NULL CHECK (kind IN ('FACE_TERMINAL', 'PLATE_CAMERA')),
    vendor             text        NOT NULL CHECK (vendor IN ('HIKVISION', 'SIMULATOR')),
    direction          text        NOT NULL DEFAULT 'IN' CHECK (direction IN ('IN', 'OUT')),
    base_url           text        NOT NULL,
    username           text,
    password_nonce     bytea,
    password_cipher    bytea,                      -- AES-GCM
    serial_number      text        NOT NULL UNIQUE,
    event_secret_hash  text        NOT NULL,       -- SHA-256 of the per-device event secret, base64url
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX access_device_site_idx ON access_device (site_id);

-- The durable outbox of what devices must be told: a restart loses nothing.
CREATE TABLE device_job (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    visit_id     uuid        NOT NULL REFERENCES visit (id),
    device_id    uuid        NOT NULL REFERENCES access_device (id),
    action       text        NOT NULL CHECK (action IN ('PUSH_PERSON', 'REMOVE_PERSON', 'PUSH_PLATE', 'REMOVE_PLATE')),
    status       text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE', 'FAILED', 'CANCELLED')),
    due_at       timestamptz NOT NULL,
    attempts     integer     NOT NULL DEFAULT 0,
    locked_until timestamptz,
    last_error   text,
    done_at      timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX device_job_due_idx ON device_job (due_at) WHERE status = 'PENDING';
CREATE INDEX device_job_visit_idx ON device_job (visit_id);

-- Every attempt to tell a device something, successful or not.
CREATE TABLE device_job_attempt (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    job_id       uuid        NOT NULL REFERENCES device_job (id),
    attempted_at timestamptz NOT NULL,
    ok           boolean     NOT NULL,
    error        text
);
CREATE INDEX device_job_attempt_job_idx ON device_job_attempt (job_id);

-- Events posted by devices; the device's serial number and the event's serial make a repeat harmless.
CREATE TABLE device_event (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    device_id     uuid        NOT NULL REFERENCES access_device (id),
    device_serial text        NOT NULL,
    event_serial  text        NOT NULL,
    direction     text        NOT NULL CHECK (direction IN ('IN', 'OUT')),
    employee_no   text,
    plate         text,
    visit_id      uuid REFERENCES visit (id),
    occurred_at   timestamptz NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (device_serial, event_serial)
);
