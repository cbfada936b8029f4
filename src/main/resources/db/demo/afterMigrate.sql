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

-- Notifications: a few messages in the demo staff members' inboxes (one read), already delivered in-app.
INSERT INTO notification (id, person_id, kind, title, body, link, deliver_at, read_at) VALUES
    ('00000000-0000-0000-0000-0000000f0001', '00000000-0000-0000-0000-00000000e001', 'BOOKING_CONFIRMED',
        '会议室预定已确认', '第一会议室的预定已确认。', 'dayuan://rooms/00000000-0000-0000-0000-00000000b001',
        '2026-01-05 09:00:00+08', NULL),
    ('00000000-0000-0000-0000-0000000f0002', '00000000-0000-0000-0000-00000000e001', 'MENU_PUBLISHED',
        '今日菜单已发布', '机关食堂今日午餐菜单已发布。', 'dayuan://canteens/00000000-0000-0000-0000-00000000c001',
        '2026-01-05 08:00:00+08', '2026-01-05 08:30:00+08'),
    ('00000000-0000-0000-0000-0000000f0003', '00000000-0000-0000-0000-00000000e006', 'BOOKING_CONFIRMED',
        'Room booking confirmed', 'Your booking of 第一会议室 is confirmed.',
        'dayuan://rooms/00000000-0000-0000-0000-00000000b001', '2026-01-05 09:00:00+08', NULL)
ON CONFLICT DO NOTHING;

INSERT INTO notification_delivery (notification_id, person_id, channel, status, due_at, sent_at)
SELECT n.id, n.person_id, 'IN_APP', 'SENT', n.deliver_at, n.deliver_at
FROM notification n
WHERE n.id IN ('00000000-0000-0000-0000-0000000f0001', '00000000-0000-0000-0000-0000000f0002',
               '00000000-0000-0000-0000-0000000f0003')
ON CONFLICT DO NOTHING;
