-- Notes of the ${moduleId} module, per organization. Never edit this file once a panel applied it: add V2__... instead.
CREATE TABLE ${moduleId}_note (
    id VARCHAR(40) PRIMARY KEY,
    organization_id VARCHAR(100) NOT NULL,
    content VARCHAR(500) NOT NULL,
    created_by VARCHAR(100) NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX ${moduleId}_note_organization ON ${moduleId}_note (organization_id, id);
