-- Foundation: people, sites and the places of a site (rooms, canteens, gates).
-- Feature migrations take their own version ranges: V2 notifications, V3 rooms, V4 canteen, V5 visits, V6 passes.

CREATE TABLE person (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    subject      text        NOT NULL UNIQUE,         -- the token's sub
    name         text        NOT NULL,
    phone        text,
    roles        text[]      NOT NULL DEFAULT '{}',    -- as last seen in a token
    locale       text,                                 -- 'en' or NULL for Simplified Chinese
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_phone_idx ON person (phone);
CREATE INDEX person_roles_idx ON person USING gin (roles);

CREATE TABLE site (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name       text        NOT NULL UNIQUE,
    time_zone  text        NOT NULL DEFAULT 'Asia/Shanghai',
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE room (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    site_id           uuid    NOT NULL REFERENCES site (id),
    name              text    NOT NULL,
    capacity          integer NOT NULL CHECK (capacity > 0),
    equipment         text[]  NOT NULL DEFAULT '{}',
    requires_approval boolean NOT NULL DEFAULT false,
    cleanup_minutes   integer NOT NULL DEFAULT 0 CHECK (cleanup_minutes BETWEEN 0 AND 240),
    UNIQUE (site_id, name)
);

CREATE TABLE canteen (
    id      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    site_id uuid NOT NULL REFERENCES site (id),
    name    text NOT NULL,
    UNIQUE (site_id, name)
);

CREATE TABLE gate (
    id      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    site_id uuid NOT NULL REFERENCES site (id),
    name    text NOT NULL,
    kind    text NOT NULL CHECK (kind IN ('PEDESTRIAN', 'VEHICLE', 'BOTH')),
    UNIQUE (site_id, name)
);
