-- requestVisit no longer tells the host in its own transaction (the extra work for a real host phone made the
-- answer measurably slower, hinting which phones are staff's): a worker tells hosts of requests not yet noticed.
ALTER TABLE visit ADD COLUMN host_notified_at timestamptz;
UPDATE visit SET host_notified_at = created_at WHERE status = 'REQUESTED' AND host_id IS NOT NULL;
CREATE INDEX visit_host_notice_due ON visit (created_at)
    WHERE host_notified_at IS NULL AND host_id IS NOT NULL AND status = 'REQUESTED';
