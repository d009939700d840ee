-- Greetings sent through the Hello module, per organization.
CREATE TABLE hello_greeting (
    id VARCHAR(40) PRIMARY KEY,
    organization_id VARCHAR(100) NOT NULL,
    name VARCHAR(100) NOT NULL,
    message VARCHAR(200) NOT NULL,
    created_by VARCHAR(100) NOT NULL, -- the username, as shown
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX hello_greeting_organization ON hello_greeting (organization_id, id);
