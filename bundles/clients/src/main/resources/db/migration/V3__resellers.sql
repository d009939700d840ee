-- Resellers (C9). A reseller IS an organization of the users module: its id is the
-- organization's id, what clients_client.reseller_id of its clients says. No foreign
-- keys into the users module's tables: modules are installed and migrated independently.

-- Applications to become a reseller, by an organization's owner. pending_organization_id
-- is the organization's id while the application waits for the operator's answer and
-- NULL once answered: its unique constraint lets an organization have one pending
-- application at a time (NULLs are distinct on H2 and PostgreSQL alike). language: the
-- applicant's, for the answer's mail. Ids sort by creation time, so (…, id) orders pages.
CREATE TABLE clients_reseller_application (
    id VARCHAR(40) PRIMARY KEY,
    organization_id VARCHAR(40) NOT NULL,
    pending_organization_id VARCHAR(40),
    company VARCHAR(200) NOT NULL,
    contact_name VARCHAR(200) NOT NULL,
    email VARCHAR(254) NOT NULL,
    phone VARCHAR(50),
    website VARCHAR(500),
    message VARCHAR(4000),
    language VARCHAR(8) NOT NULL,
    state VARCHAR(10) NOT NULL,
    applied_by VARCHAR(40) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    answered_by VARCHAR(40),
    answered_at TIMESTAMP,
    rejection_reason VARCHAR(1000),
    CONSTRAINT clients_reseller_application_pending UNIQUE (pending_organization_id),
    CONSTRAINT clients_reseller_application_state CHECK (state IN ('pending', 'approved', 'rejected'))
);
CREATE INDEX clients_reseller_application_by_state ON clients_reseller_application (state, id);
CREATE INDEX clients_reseller_application_by_organization ON clients_reseller_application (organization_id, id);

-- The approved resellers. state: suspended stops the reseller's staff (its account is
-- suspended) and, through the reseller lifecycle listeners, its clients' services; the
-- clients themselves stay as they are.
CREATE TABLE clients_reseller (
    organization_id VARCHAR(40) PRIMARY KEY,
    state VARCHAR(10) NOT NULL,
    suspension_reason VARCHAR(500),
    since TIMESTAMP NOT NULL,
    application_id VARCHAR(40),
    CONSTRAINT clients_reseller_state CHECK (state IN ('active', 'suspended'))
);
CREATE INDEX clients_reseller_by_state ON clients_reseller (state, organization_id);

-- A reseller's request that one of the operator's clients join its portfolio, sent to
-- an address of the client; the client's owner accepts or declines. pending_client_id
-- is the client's id while the request waits, NULL once answered or withdrawn: one
-- pending request per client and reseller.
CREATE TABLE clients_attach_request (
    id VARCHAR(40) PRIMARY KEY,
    client_id VARCHAR(40) NOT NULL,
    client_organization_id VARCHAR(40) NOT NULL,
    reseller_id VARCHAR(40) NOT NULL,
    pending_client_id VARCHAR(40),
    email VARCHAR(254) NOT NULL,
    message VARCHAR(2000),
    state VARCHAR(10) NOT NULL,
    requested_by VARCHAR(40) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    answered_by VARCHAR(40),
    answered_at TIMESTAMP,
    CONSTRAINT clients_attach_request_pending UNIQUE (pending_client_id, reseller_id),
    CONSTRAINT clients_attach_request_state CHECK (state IN ('pending', 'accepted', 'declined', 'withdrawn'))
);
CREATE INDEX clients_attach_request_by_state ON clients_attach_request (state, id);
CREATE INDEX clients_attach_request_by_reseller ON clients_attach_request (reseller_id, id);
CREATE INDEX clients_attach_request_by_client_organization ON clients_attach_request (client_organization_id, id);
CREATE INDEX clients_attach_request_by_client ON clients_attach_request (client_id);
