-- Notifications: one row per person and message, written in the same transaction as the change that causes it.
CREATE TABLE notification (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id    uuid        NOT NULL REFERENCES person (id),
    kind         text        NOT NULL,
    title        text        NOT NULL,
    body         text        NOT NULL,
    link         text,
    cause        text,                              -- what a scheduled notification is about, to withdraw it
    deliver_at   timestamptz NOT NULL DEFAULT now(), -- later than now for reminders
    withdrawn_at timestamptz,
    read_at      timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_inbox_idx ON notification (person_id, deliver_at DESC);
CREATE INDEX notification_cause_idx ON notification (cause) WHERE cause IS NOT NULL AND withdrawn_at IS NULL;
