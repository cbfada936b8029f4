-- Channels that reach phones in China (issue 20): DingTalk work notices as a delivery channel, the push provider of
-- each device (vendor push services and aggregators besides FCM and APNs), a person's DingTalk user id, and the log
-- of emergency broadcasts.

ALTER TABLE notification_delivery DROP CONSTRAINT notification_delivery_channel_check;
ALTER TABLE notification_delivery ADD CONSTRAINT notification_delivery_channel_check
    CHECK (channel IN ('IN_APP', 'SMS', 'PUSH', 'DINGTALK'));

-- The push service a device token belongs to. Devices registered before carry what the routing made of them:
-- APNs for an iOS APNs device token (64+ hex digits), FCM for everything else.
ALTER TABLE device ADD COLUMN provider text NOT NULL DEFAULT 'FCM'
    CHECK (provider IN ('FCM', 'APNS', 'HUAWEI', 'JPUSH'));
UPDATE device SET provider = 'APNS' WHERE platform = 'IOS' AND token ~ '^[0-9a-fA-F]{64,200}$';

-- The person's user id in the organisation's DingTalk (from a token claim, or set by an admin); NULL: no DingTalk.
ALTER TABLE person ADD COLUMN dingtalk_user_id text;

-- Every emergency broadcast: who sent what to which site, whom it reached, and what the DingTalk group robot said.
CREATE TABLE emergency_broadcast (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    site_id      uuid        NOT NULL REFERENCES site (id),
    sent_by      uuid        NOT NULL REFERENCES person (id),
    title        text        NOT NULL,
    body         text        NOT NULL,
    recipients   integer     NOT NULL,
    group_status text        NOT NULL CHECK (group_status IN ('PENDING', 'SENT', 'FAILED', 'NOT_CONFIGURED')),
    group_error  text,
    sent_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX emergency_broadcast_site_idx ON emergency_broadcast (site_id, sent_at DESC);
