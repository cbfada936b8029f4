-- The visitor's pages (issue 17) show where the site is and how a visitor finds the gate.
ALTER TABLE site ADD COLUMN address text CHECK (char_length(address) <= 200);
ALTER TABLE site ADD COLUMN visitor_directions text CHECK (char_length(visitor_directions) <= 1000);
