-- Meeting rooms: room settings, bookings (one row per occurrence), service tasks and calendar feeds.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE room
    ADD COLUMN horizon_days            integer NOT NULL DEFAULT 90  CHECK (horizon_days BETWEEN 1 AND 730),
    ADD COLUMN max_booking_minutes     integer NOT NULL DEFAULT 720 CHECK (max_booking_minutes BETWEEN 15 AND 1440),
    ADD COLUMN check_in_before_minutes integer NOT NULL DEFAULT 10  CHECK (check_in_before_minutes BETWEEN 0 AND 120),
    ADD COLUMN check_in_after_minutes  integer NOT NULL DEFAULT 15  CHECK (check_in_after_minutes BETWEEN 1 AND 120),
    -- the text of the QR code on the room's door, scanned to check in
    ADD COLUMN door_code               text    NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', '');
CREATE UNIQUE INDEX room_door_code_idx ON room (door_code);

CREATE TABLE booking (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    room_id          uuid        NOT NULL REFERENCES room (id),
    organizer_id     uuid        NOT NULL REFERENCES person (id),
    series_id        uuid,                                  -- the occurrences of a recurring booking share it
    title            text        NOT NULL,
    starts_at        timestamptz NOT NULL,
    ends_at          timestamptz NOT NULL,
    held_until       timestamptz NOT NULL,                  -- ends_at plus the room's cleanup time
    attendee_count   integer CHECK (attendee_count > 0),
    services         text[]      NOT NULL DEFAULT '{}',
    status           text        NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'REJECTED', 'CANCELLED',
                                                            'CHECKED_IN', 'RELEASED', 'COMPLETED')),
    rejection_reason text,
    checked_in_at    timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    CHECK (held_until >= ends_at),
    -- no two bookings that hold a room overlap, cleanup time included
    CONSTRAINT booking_no_overlap EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, held_until) WITH &&)
        WHERE (status IN ('PENDING', 'CONFIRMED', 'CHECKED_IN'))
);
CREATE INDEX booking_organizer_idx ON booking (organizer_id, starts_at, id);
CREATE INDEX booking_series_idx ON booking (series_id, starts_at) WHERE series_id IS NOT NULL;
CREATE INDEX booking_confirmed_start_idx ON booking (starts_at) WHERE status = 'CONFIRMED';

CREATE TABLE service_task (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    booking_id uuid        NOT NULL REFERENCES booking (id),
    room_id    uuid        NOT NULL REFERENCES room (id),
    site_id    uuid        NOT NULL REFERENCES site (id),
    kind       text        NOT NULL CHECK (kind IN ('TEA_SERVICE', 'AV_SUPPORT', 'VIDEO_CONFERENCE_SETUP', 'CLEANING')),
    due_at     timestamptz NOT NULL,
    status     text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE', 'CANCELLED')),
    done_at    timestamptz,
    done_by    uuid REFERENCES person (id),
    UNIQUE (booking_id, kind)
);
CREATE INDEX service_task_site_due_idx ON service_task (site_id, due_at);

-- A private calendar feed per person: only the SHA-256 of the secret token is kept.
CREATE TABLE calendar_feed (
    person_id  uuid PRIMARY KEY REFERENCES person (id),
    token_hash text        NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);
