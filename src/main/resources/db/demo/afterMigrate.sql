-- Demo data for dev mode only (never in the prod build's Flyway locations).
-- Runs after every migration and is idempotent; fixed ids so the README's examples work.

INSERT INTO site (id, name, time_zone) VALUES
    ('00000000-0000-0000-0000-00000000a001', '青山镇政府大院', 'Asia/Shanghai')
ON CONFLICT DO NOTHING;

INSERT INTO canteen (id, site_id, name) VALUES
    ('00000000-0000-0000-0000-00000000c001', '00000000-0000-0000-0000-00000000a001', '机关食堂'),
    ('00000000-0000-0000-0000-00000000c002', '00000000-0000-0000-0000-00000000a001', '景区厨房')
ON CONFLICT DO NOTHING;

INSERT INTO room (id, site_id, name, capacity, equipment, requires_approval, cleanup_minutes) VALUES
    ('00000000-0000-0000-0000-00000000b001', '00000000-0000-0000-0000-00000000a001', '第一会议室', 30,
        '{PROJECTOR,MICROPHONE,VIDEO_CONFERENCE}', false, 15),
    ('00000000-0000-0000-0000-00000000b002', '00000000-0000-0000-0000-00000000a001', '第二会议室', 12,
        '{SCREEN_CAST,WHITEBOARD}', false, 10),
    ('00000000-0000-0000-0000-00000000b003', '00000000-0000-0000-0000-00000000a001', '党员活动室', 20,
        '{PROJECTOR,WHITEBOARD}', false, 10),
    ('00000000-0000-0000-0000-00000000b004', '00000000-0000-0000-0000-00000000a001', '大会议厅', 120,
        '{PROJECTOR,SCREEN_CAST,VIDEO_CONFERENCE,MICROPHONE}', true, 30)
ON CONFLICT DO NOTHING;

INSERT INTO gate (id, site_id, name, kind) VALUES
    ('00000000-0000-0000-0000-00000000d001', '00000000-0000-0000-0000-00000000a001', '南门', 'BOTH'),
    ('00000000-0000-0000-0000-00000000d002', '00000000-0000-0000-0000-00000000a001', '东门车道', 'VEHICLE')
ON CONFLICT DO NOTHING;

-- Demo people; the dev token issuer (GET /dev/token?person=staff) signs tokens for them.
INSERT INTO person (id, subject, name, phone, roles, locale) VALUES
    ('00000000-0000-0000-0000-00000000e001', 'demo-staff', '张伟', '+8613800000001', '{staff}', NULL),
    ('00000000-0000-0000-0000-00000000e002', 'demo-guard', '李强', '+8613800000002', '{guard}', NULL),
    ('00000000-0000-0000-0000-00000000e003', 'demo-canteen-manager', '王芳', '+8613800000003', '{canteen-manager}', NULL),
    ('00000000-0000-0000-0000-00000000e004', 'demo-facilities', '赵敏', '+8613800000004', '{facilities}', NULL),
    ('00000000-0000-0000-0000-00000000e005', 'demo-admin', '陈静', '+8613800000005', '{admin,staff}', NULL),
    ('00000000-0000-0000-0000-00000000e006', 'demo-staff-en', 'Alex Morgan', '+8613800000006', '{staff}', 'en')
ON CONFLICT DO NOTHING;

-- Meeting rooms: two bookings the day after tomorrow (10:00 and 14:00 Shanghai), with their service tasks.
INSERT INTO booking (id, room_id, organizer_id, title, starts_at, ends_at, held_until, attendee_count, services, status)
SELECT '00000000-0000-0000-0000-0000000b0b01', '00000000-0000-0000-0000-00000000b001',
       '00000000-0000-0000-0000-00000000e001', '党政办周例会', day + interval '10 hours', day + interval '11 hours',
       day + interval '11 hours 15 minutes', 12, '{TEA_SERVICE}', 'CONFIRMED'
FROM (SELECT (date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') + interval '2 days') AT TIME ZONE 'Asia/Shanghai' AS day) d
ON CONFLICT DO NOTHING;
INSERT INTO booking (id, room_id, organizer_id, title, starts_at, ends_at, held_until, attendee_count, services, status)
SELECT '00000000-0000-0000-0000-0000000b0b02', '00000000-0000-0000-0000-00000000b004',
       '00000000-0000-0000-0000-00000000e006', 'Investment briefing', day + interval '14 hours',
       day + interval '16 hours', day + interval '16 hours 30 minutes', 80, '{AV_SUPPORT,VIDEO_CONFERENCE_SETUP}', 'PENDING'
FROM (SELECT (date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') + interval '2 days') AT TIME ZONE 'Asia/Shanghai' AS day) d
ON CONFLICT DO NOTHING;
INSERT INTO service_task (booking_id, room_id, site_id, kind, due_at)
SELECT b.id, b.room_id, '00000000-0000-0000-0000-00000000a001', k.kind,
       CASE WHEN k.kind = 'CLEANING' THEN b.ends_at ELSE b.starts_at - interval '30 minutes' END
FROM booking b CROSS JOIN LATERAL unnest(b.services || '{CLEANING}'::text[]) AS k(kind)
WHERE b.id IN ('00000000-0000-0000-0000-0000000b0b01', '00000000-0000-0000-0000-0000000b0b02')
ON CONFLICT DO NOTHING;
