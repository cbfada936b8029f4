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

-- Visits: simulated access devices at the demo gates (dev mode has no real devices). They post events with HTTP
-- Basic, any user name and the secrets 'demo-face-terminal-secret' / 'demo-plate-camera-secret'.
INSERT INTO access_device (id, gate_id, site_id, name, kind, vendor, direction, base_url, serial_number,
                           event_secret_hash) VALUES
    ('00000000-0000-0000-0000-0000000f0001', '00000000-0000-0000-0000-00000000d001',
        '00000000-0000-0000-0000-00000000a001', '南门人脸机', 'FACE_TERMINAL', 'SIMULATOR', 'IN',
        'http://simulator.local', 'DEMO-FACE-001', 'Z8Ddb0YUGIlM6PEW7fWPPZabHmg8PGLBI_N46rghRF8'),
    ('00000000-0000-0000-0000-0000000f0002', '00000000-0000-0000-0000-00000000d002',
        '00000000-0000-0000-0000-00000000a001', '东门车牌识别', 'PLATE_CAMERA', 'SIMULATOR', 'IN',
        'http://simulator.local', 'DEMO-PLATE-001', '0JY7lH0xk2nxLUKO67v3TnUnyri1N5ZJclcnVKz0SJM')
ON CONFLICT DO NOTHING;

-- Demo passes (issue 7): a printed vehicle pass and a checkpoint pass for the demo site; their codes are signed
-- when asked for (GET /passes/<id>/qr.png as demo-admin).
INSERT INTO pass (id, kind, holder_name, plate, site_ids, valid_from, valid_until) VALUES
    ('00000000-0000-0000-0000-00000000f001', 'VEHICLE', '物业公司车辆', '京A12345',
        '{00000000-0000-0000-0000-00000000a001}', '2026-01-01T00:00:00+08', '2027-12-31T23:59:59+08'),
    ('00000000-0000-0000-0000-00000000f002', 'PERSON', '检查点人员 王磊', NULL,
        '{00000000-0000-0000-0000-00000000a001}', '2026-01-01T00:00:00+08', '2027-12-31T23:59:59+08')
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

-- Canteen: a dish library for both canteens, published lunches for the coming five days at 机关食堂,
-- custom cut-offs for 景区厨房, and last week's covers and waste for the planning view and reports.
INSERT INTO dish (id, canteen_id, name, category, allergens, tags, staff_price_cents, guest_price_cents, photo_url) VALUES
    ('00000000-0000-0000-0000-0000000c0d01', '00000000-0000-0000-0000-00000000c001', '米饭', 'STAPLE', '{}', '{VEGAN}', 50, 100, NULL),
    ('00000000-0000-0000-0000-0000000c0d02', '00000000-0000-0000-0000-00000000c001', '红烧肉', 'MEAT', '{SOY}', '{SIGNATURE}', 800, 1500, NULL),
    ('00000000-0000-0000-0000-0000000c0d03', '00000000-0000-0000-0000-00000000c001', '麻婆豆腐', 'VEGETABLE', '{SOY}', '{SPICY}', 500, 900, NULL),
    ('00000000-0000-0000-0000-0000000c0d04', '00000000-0000-0000-0000-00000000c001', '清炒时蔬', 'VEGETABLE', '{}', '{VEGETARIAN,LOW_SALT}', 300, 600, NULL),
    ('00000000-0000-0000-0000-0000000c0d05', '00000000-0000-0000-0000-00000000c001', '西红柿鸡蛋汤', 'SOUP', '{EGGS}', '{VEGETARIAN}', 200, 400, NULL),
    ('00000000-0000-0000-0000-0000000c0d06', '00000000-0000-0000-0000-00000000c001', '馒头', 'STAPLE', '{GLUTEN}', '{VEGAN}', 50, 100, NULL),
    ('00000000-0000-0000-0000-0000000c0d07', '00000000-0000-0000-0000-00000000c001', '豆浆', 'DRINK', '{SOY}', '{VEGAN}', 100, 200, NULL),
    ('00000000-0000-0000-0000-0000000c0d11', '00000000-0000-0000-0000-00000000c002', '农家小炒肉', 'MEAT', '{}', '{SPICY}', 1200, 2200, NULL),
    ('00000000-0000-0000-0000-0000000c0d12', '00000000-0000-0000-0000-00000000c002', '清蒸鲈鱼', 'MEAT', '{FISH}', '{}', 1800, 3200, NULL),
    ('00000000-0000-0000-0000-0000000c0d13', '00000000-0000-0000-0000-00000000c002', '杂粮饭', 'STAPLE', '{}', '{VEGAN}', 100, 200, NULL)
ON CONFLICT DO NOTHING;

INSERT INTO menu (canteen_id, date, meal, status, revision, published_at)
SELECT '00000000-0000-0000-0000-00000000c001', (now() AT TIME ZONE 'Asia/Shanghai')::date + day, 'LUNCH', 'PUBLISHED', 1, now()
FROM generate_series(0, 4) AS day
ON CONFLICT DO NOTHING;

INSERT INTO menu_item (menu_id, dish_id, planned_portions, position)
SELECT m.id, d.dish_id::uuid, d.portions, d.position
FROM menu m,
     (VALUES ('00000000-0000-0000-0000-0000000c0d01', 150, 0), ('00000000-0000-0000-0000-0000000c0d02', 80, 1),
             ('00000000-0000-0000-0000-0000000c0d04', 90, 2), ('00000000-0000-0000-0000-0000000c0d05', 120, 3))
         AS d (dish_id, portions, position)
WHERE m.canteen_id = '00000000-0000-0000-0000-00000000c001' AND m.meal = 'LUNCH' AND m.date >= (now() AT TIME ZONE 'Asia/Shanghai')::date
ON CONFLICT DO NOTHING;

INSERT INTO meal_cutoff (canteen_id, meal, days_before, at_time) VALUES
    ('00000000-0000-0000-0000-00000000c002', 'LUNCH', 1, '17:00')
ON CONFLICT DO NOTHING;

INSERT INTO meal_covers (canteen_id, date, meal, covers)
SELECT '00000000-0000-0000-0000-00000000c001', (now() AT TIME ZONE 'Asia/Shanghai')::date - day, 'LUNCH', 140 + (day * 7) % 20
FROM generate_series(1, 7) AS day
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

-- The visitor's pages (issue 17): the demo site's address and gate directions, and an invited visitor whose link
-- is http://localhost:8080/v/demo-visitor-link (the token is the link's last part; only its hash is stored).
-- The visit is tomorrow 09:00–12:00 Shanghai time; a start after its window has passed moves it to tomorrow again.
UPDATE site SET address = '青山镇人民路 1 号',
                visitor_directions = '请从南门进入，向门岗出示本页二维码；访客停车位在南门内右侧。'
WHERE id = '00000000-0000-0000-0000-00000000a001' AND address IS NULL;

INSERT INTO visit (id, site_id, host_id, status, visitor_name, visitor_phone, purpose, arrive_from, arrive_until,
                   token_hash, decided_by) VALUES
    ('00000000-0000-0000-0000-0000000a0017', '00000000-0000-0000-0000-00000000a001',
        '00000000-0000-0000-0000-00000000e001', 'APPROVED', '刘洋', '+8613900000017', '商谈社区养老服务项目',
        (current_date + 1 + time '09:00') AT TIME ZONE 'Asia/Shanghai',
        (current_date + 1 + time '12:00') AT TIME ZONE 'Asia/Shanghai',
        translate(rtrim(encode(sha256(convert_to('demo-visitor-link', 'UTF8')), 'base64'), '='), '+/', '-_'),
        '00000000-0000-0000-0000-00000000e001')
ON CONFLICT (id) DO UPDATE SET status = 'APPROVED', arrive_from = excluded.arrive_from,
    arrive_until = excluded.arrive_until, checked_in_at = NULL, checked_out_at = NULL, cancel_reason = NULL
WHERE visit.arrive_until <= now() OR visit.status = 'CANCELLED';

INSERT INTO pass (id, kind, holder_name, visit_id, site_ids, admit_once, admit_state, valid_from, valid_until)
SELECT '00000000-0000-0000-0000-0000000af017', 'PERSON', v.visitor_name, v.id, ARRAY[v.site_id], true, 'UNUSED',
       v.arrive_from, v.arrive_until
FROM visit v WHERE v.id = '00000000-0000-0000-0000-0000000a0017'
ON CONFLICT (id) DO UPDATE SET valid_from = excluded.valid_from, valid_until = excluded.valid_until,
    admit_state = 'UNUSED', revoked_at = NULL, revoked_reason = NULL;

-- Sites as tenants (issue 19): a second, small site, and the demo people assigned to the first one, so that dev mode
-- shows the isolation (the demo guard gets NOT_FOUND for 白石村's gate, FORBIDDEN for its site). The demo admin
-- belongs to no site: a global administrator, who sees both.
INSERT INTO site (id, name, time_zone) VALUES
    ('00000000-0000-0000-0000-00000000a002', '白石村办事处', 'Asia/Shanghai')
ON CONFLICT DO NOTHING;
INSERT INTO gate (id, site_id, name, kind) VALUES
    ('00000000-0000-0000-0000-00000000d101', '00000000-0000-0000-0000-00000000a002', '村口门岗', 'BOTH')
ON CONFLICT DO NOTHING;
INSERT INTO room (id, site_id, name, capacity, equipment, requires_approval, cleanup_minutes) VALUES
    ('00000000-0000-0000-0000-00000000b101', '00000000-0000-0000-0000-00000000a002', '村委议事室', 10,
        '{WHITEBOARD}', false, 10)
ON CONFLICT DO NOTHING;
INSERT INTO person_site (person_id, site_id)
SELECT p.id, '00000000-0000-0000-0000-00000000a001' FROM person p
WHERE p.subject IN ('demo-staff', 'demo-guard', 'demo-canteen-manager', 'demo-facilities', 'demo-staff-en')
ON CONFLICT DO NOTHING;
