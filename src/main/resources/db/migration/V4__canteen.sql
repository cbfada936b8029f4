-- Canteen: dish library, menus, meal registration (报餐), covers, waste, leftover exchange, feedback.

CREATE TABLE dish (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    canteen_id        uuid    NOT NULL REFERENCES canteen (id),
    name              text    NOT NULL,
    category          text CHECK (category IN ('STAPLE', 'MEAT', 'VEGETABLE', 'SOUP', 'DESSERT', 'DRINK')),
    allergens         text[]  NOT NULL DEFAULT '{}',
    tags              text[]  NOT NULL DEFAULT '{}',
    staff_price_cents integer CHECK (staff_price_cents >= 0),
    guest_price_cents integer CHECK (guest_price_cents >= 0),
    photo_url         text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (canteen_id, name)
);

-- One menu per canteen, date and meal: a draft until published; a published menu is corrected in place and
-- keeps the names of the dishes it had before its last correction.
CREATE TABLE menu (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    canteen_id          uuid    NOT NULL REFERENCES canteen (id),
    date                date    NOT NULL,
    meal                text    NOT NULL CHECK (meal IN ('BREAKFAST', 'LUNCH', 'DINNER')),
    status              text    NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    revision            integer NOT NULL DEFAULT 0,
    published_at        timestamptz,
    corrected_at        timestamptz,
    correction_note     text,
    previous_dish_names text[],
    updated_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (canteen_id, date, meal)
);

CREATE TABLE menu_item (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    menu_id          uuid    NOT NULL REFERENCES menu (id) ON DELETE CASCADE,
    dish_id          uuid    NOT NULL REFERENCES dish (id),
    planned_portions integer CHECK (planned_portions >= 0),
    position         integer NOT NULL,
    UNIQUE (menu_id, dish_id)
);
CREATE INDEX menu_item_dish_idx ON menu_item (dish_id);

-- Cut-off per canteen and meal: registrations close days_before days ahead of the meal's date at at_time (site zone).
CREATE TABLE meal_cutoff (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    canteen_id  uuid    NOT NULL REFERENCES canteen (id),
    meal        text    NOT NULL CHECK (meal IN ('BREAKFAST', 'LUNCH', 'DINNER')),
    days_before integer NOT NULL CHECK (days_before BETWEEN 0 AND 14),
    at_time     time    NOT NULL,
    UNIQUE (canteen_id, meal)
);

CREATE TABLE meal_registration (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    canteen_id uuid NOT NULL REFERENCES canteen (id),
    person_id  uuid NOT NULL REFERENCES person (id),
    date       date NOT NULL,
    meal       text NOT NULL CHECK (meal IN ('BREAKFAST', 'LUNCH', 'DINNER')),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (person_id, date, meal)
);
CREATE INDEX meal_registration_meal_idx ON meal_registration (canteen_id, date, meal);

CREATE TABLE meal_covers (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    canteen_id  uuid    NOT NULL REFERENCES canteen (id),
    date        date    NOT NULL,
    meal        text    NOT NULL CHECK (meal IN ('BREAKFAST', 'LUNCH', 'DINNER')),
    covers      integer NOT NULL CHECK (covers >= 0),
    recorded_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (canteen_id, date, meal)
);

CREATE TABLE waste_record (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    canteen_id   uuid    NOT NULL REFERENCES canteen (id),
    date         date    NOT NULL,
    meal         text    NOT NULL CHECK (meal IN ('BREAKFAST', 'LUNCH', 'DINNER')),
    stage        text    NOT NULL CHECK (stage IN ('PREPARATION', 'OVERPRODUCTION', 'PLATE', 'SPOILAGE')),
    weight_grams integer NOT NULL CHECK (weight_grams BETWEEN 1 AND 500000),
    dish_id      uuid REFERENCES dish (id),
    reason       text,
    cost_cents   integer CHECK (cost_cents >= 0),
    inspection   boolean NOT NULL DEFAULT false,
    recorded_by  uuid REFERENCES person (id),
    recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX waste_record_canteen_date_idx ON waste_record (canteen_id, date);

-- Leftover exchange (剩余菜品换购): claimed never exceeds portions, enforced by the claim's conditional update and here.
CREATE TABLE leftover_offer (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    canteen_id      uuid    NOT NULL REFERENCES canteen (id),
    dish_id         uuid    NOT NULL REFERENCES dish (id),
    date            date    NOT NULL,
    meal            text    NOT NULL CHECK (meal IN ('BREAKFAST', 'LUNCH', 'DINNER')),
    portions        integer NOT NULL CHECK (portions > 0),
    claimed         integer NOT NULL DEFAULT 0,
    price_cents     integer NOT NULL CHECK (price_cents >= 0),
    available_until timestamptz NOT NULL,
    offered_by      uuid REFERENCES person (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (claimed BETWEEN 0 AND portions)
);
CREATE INDEX leftover_offer_canteen_idx ON leftover_offer (canteen_id, available_until);

CREATE TABLE leftover_claim (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    offer_id    uuid    NOT NULL REFERENCES leftover_offer (id),
    person_id   uuid    NOT NULL REFERENCES person (id),
    portions    integer NOT NULL CHECK (portions > 0),
    pickup_code text    NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (offer_id, person_id),
    UNIQUE (offer_id, pickup_code)
);

CREATE TABLE dish_rating (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    menu_item_id uuid    NOT NULL REFERENCES menu_item (id) ON DELETE CASCADE,
    dish_id      uuid    NOT NULL REFERENCES dish (id),
    person_id    uuid    NOT NULL REFERENCES person (id),
    stars        integer NOT NULL CHECK (stars BETWEEN 1 AND 5),
    comment      text,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (menu_item_id, person_id)
);
CREATE INDEX dish_rating_dish_idx ON dish_rating (dish_id);

-- Suggestion box: an anonymous suggestion stores no person.
CREATE TABLE suggestion (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    canteen_id  uuid    NOT NULL REFERENCES canteen (id),
    person_id   uuid REFERENCES person (id),
    text        text    NOT NULL,
    answer      text,
    answered_at timestamptz,
    answered_by uuid REFERENCES person (id),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX suggestion_canteen_idx ON suggestion (canteen_id, created_at DESC);
