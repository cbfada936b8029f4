-- A person's home site (e.g. the compound a guard works at). Null: not assigned to a site, hears about every site.
ALTER TABLE person ADD COLUMN site_id uuid REFERENCES site (id);
CREATE INDEX person_site_idx ON person (site_id);
