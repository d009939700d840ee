-- The audit trail. Rows are only ever inserted; the panel has no statement that
-- updates or deletes them.
CREATE TABLE audit_entry (
    id VARCHAR(40) PRIMARY KEY,
    occurred_at TIMESTAMP NOT NULL,
    actor_id VARCHAR(100),
    actor_name VARCHAR(200),
    organization_id VARCHAR(100),
    action VARCHAR(100) NOT NULL,
    target VARCHAR(300),
    source_address VARCHAR(64),
    outcome VARCHAR(10) NOT NULL,
    detail VARCHAR(2000)
);
-- One organization's page of entries, newest first, is a range scan.
CREATE INDEX audit_entry_organization ON audit_entry (organization_id, id);
