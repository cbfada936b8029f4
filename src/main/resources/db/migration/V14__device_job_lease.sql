-- The device outbox leases its claims like the other outboxes (platform/outbox): a claim id that a mark must still
-- hold, and the end of the lease (was locked_until). attempts now counts failures, as in the other outboxes.
ALTER TABLE device_job RENAME COLUMN locked_until TO claimed_until;
ALTER TABLE device_job ADD COLUMN claim_id uuid;
