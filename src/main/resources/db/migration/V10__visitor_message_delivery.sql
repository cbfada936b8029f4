-- Delivery of the visitor_message outbox by SMS: a worker claims due unsent messages (claim_id and claimed_until are
-- its lease), marks them sent while it holds the claim, retries with backoff and parks a message after repeated
-- failures (parked_at, with the last error kept).
ALTER TABLE visitor_message
    ADD COLUMN attempts        integer     NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN claim_id        uuid,
    ADD COLUMN claimed_until   timestamptz,
    ADD COLUMN last_error      text,
    ADD COLUMN parked_at       timestamptz;

DROP INDEX IF EXISTS visitor_message_unsent_idx;
CREATE INDEX visitor_message_due_idx ON visitor_message (next_attempt_at) WHERE sent_at IS NULL AND parked_at IS NULL;
