-- Who went through which gate, from any source: a guard's scan, an access device, a guard's hand.
-- Presence (who is inside now) is each subject's latest passage at the site being IN.
CREATE TABLE gate_passage (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    site_id      uuid        NOT NULL REFERENCES site (id),
    gate_id      uuid        NOT NULL REFERENCES gate (id),
    direction    text        NOT NULL CHECK (direction IN ('IN', 'OUT')),
    source       text        NOT NULL CHECK (source IN ('SCAN', 'DEVICE', 'GUARD')),
    subject_kind text        NOT NULL CHECK (subject_kind IN ('PERSON', 'VISITOR', 'VEHICLE')),
    subject_key  text        NOT NULL,    -- one subject: 'person:<id>', 'visit:<id>', 'pass:<id>', 'plate:<plate>'
    holder_name  text        NOT NULL,
    plate        text,
    person_id    uuid REFERENCES person (id),
    visit_id     uuid,
    pass_id      uuid,
    recorded_by  uuid REFERENCES person (id),
    passed_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gate_passage_presence_idx ON gate_passage (site_id, subject_key, passed_at DESC);
CREATE INDEX gate_passage_time_idx ON gate_passage (site_id, passed_at DESC);
