-- Notifications, part 2: the outbox of deliveries, devices for push, and each person's channel preferences and
-- quiet hours. Deliveries are written in the same transaction as their notification and sent by the worker.

CREATE TABLE notification_delivery (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    notification_id uuid        NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
    person_id       uuid        NOT NULL REFERENCES person (id),
    channel         text        NOT NULL CHECK (channel IN ('IN_APP', 'SMS', 'PUSH')),
    status          text        NOT NULL DEFAULT 'PENDING'
                                CHECK (status IN ('PENDING', 'SENT', 'PARKED', 'WITHDRAWN', 'SKIPPED')),
    due_at          timestamptz NOT NULL DEFAULT now(),  -- later than the notification during quiet hours
    attempts        integer     NOT NULL DEFAULT 0,
    last_error      text,
    claim_id        uuid,                                -- the worker pass that holds it
    claimed_until   timestamptz,                         -- until then no other worker takes it
    delivered_to    text[]      NOT NULL DEFAULT '{}',   -- push: the device tokens already reached
    sent_at         timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (notification_id, channel)
);
CREATE INDEX notification_delivery_due_idx ON notification_delivery (due_at) WHERE status = 'PENDING';
CREATE INDEX notification_delivery_parked_idx ON notification_delivery (created_at DESC, id DESC) WHERE status = 'PARKED';

CREATE TABLE device (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id     uuid        NOT NULL REFERENCES person (id),
    token         text        NOT NULL UNIQUE,
    platform      text        NOT NULL CHECK (platform IN ('ANDROID', 'IOS')),
    registered_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX device_person_idx ON device (person_id);

-- The channels a person wants for one kind of notification (no row: the default channels).
CREATE TABLE notification_preference (
    person_id uuid   NOT NULL REFERENCES person (id),
    kind      text   NOT NULL,
    channels  text[] NOT NULL,
    PRIMARY KEY (person_id, kind)
);

-- Quiet hours: SMS and push wait for their end; the in-app inbox is immediate.
CREATE TABLE notification_settings (
    person_id   uuid PRIMARY KEY REFERENCES person (id),
    quiet_from  time,
    quiet_until time,
    time_zone   text NOT NULL DEFAULT 'Asia/Shanghai',
    CHECK ((quiet_from IS NULL) = (quiet_until IS NULL))
);
