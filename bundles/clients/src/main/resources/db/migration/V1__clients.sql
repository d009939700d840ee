-- Client accounts (C1): the operator's or a reseller's customers. Each client is one
-- organization of the users module (organization_id), whose first login is its owner.
-- reseller_id: the reseller organization the client belongs to (C9); NULL for the
-- operator's own clients. No foreign keys into the users module's tables: modules are
-- installed and migrated independently.
-- description is the internal comment that the client never sees (C2).
-- name_key, email_key: lower-cased name and e-mail, the sort keys of the list (C3);
-- search_text: lower-cased name, company and e-mail, what q searches. Lower-casing may
-- double a text's length (U+0130), hence their sizes.
CREATE TABLE clients_client (
    id VARCHAR(40) PRIMARY KEY,
    organization_id VARCHAR(40) NOT NULL,
    reseller_id VARCHAR(40),
    name VARCHAR(200) NOT NULL,
    company VARCHAR(200),
    email VARCHAR(254) NOT NULL,
    phone VARCHAR(50),
    address VARCHAR(1000),
    language VARCHAR(8) NOT NULL,
    additional_info VARCHAR(4000),
    description VARCHAR(4000),
    state VARCHAR(10) NOT NULL,
    suspension_reason VARCHAR(500),
    created_at TIMESTAMP NOT NULL,
    version BIGINT DEFAULT 0 NOT NULL,
    name_key VARCHAR(400) NOT NULL,
    email_key VARCHAR(508) NOT NULL,
    search_text VARCHAR(1400) NOT NULL,
    CONSTRAINT clients_client_organization UNIQUE (organization_id),
    CONSTRAINT clients_client_state CHECK (state IN ('active', 'suspended'))
);

-- Keyset paging (C3): every sort the list offers is (sort key, id), with or without
-- one filter in front, so that a page after a cursor is an index range scan, in either
-- direction, at 100,000 clients. The operator's whole list:
CREATE INDEX clients_client_by_name ON clients_client (name_key, id);
CREATE INDEX clients_client_by_created ON clients_client (created_at, id);
CREATE INDEX clients_client_by_email ON clients_client (email_key, id);
-- One reseller's clients (a reseller's own list; the operator filtering by reseller):
CREATE INDEX clients_client_reseller_by_name ON clients_client (reseller_id, name_key, id);
CREATE INDEX clients_client_reseller_by_created ON clients_client (reseller_id, created_at, id);
CREATE INDEX clients_client_reseller_by_email ON clients_client (reseller_id, email_key, id);
-- Clients in one state (the suspended ones, or the active ones):
CREATE INDEX clients_client_state_by_name ON clients_client (state, name_key, id);
CREATE INDEX clients_client_state_by_created ON clients_client (state, created_at, id);
CREATE INDEX clients_client_state_by_email ON clients_client (state, email_key, id);
