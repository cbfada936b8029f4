-- Sites as tenants (issue 19): the sites a person acts at. A person's home site (person.site_id) stays the site their
-- notifications are about; whoever has a home site already belongs to it, so that nobody loses their site.
CREATE TABLE person_site (
    person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    site_id uuid NOT NULL REFERENCES site (id),
    PRIMARY KEY (person_id, site_id)
);
CREATE INDEX person_site_site_idx ON person_site (site_id);

INSERT INTO person_site (person_id, site_id) SELECT id, site_id FROM person WHERE site_id IS NOT NULL;
