-- Partner access (C7, C8, C10). The access itself is a grant of the users module
-- (users_access_grant, reached only through Accounts); these tables keep what this
-- module adds around it: the request and its answer, and per grant the address that
-- gets e-mail copies and whether they are on. A grant ended elsewhere (revoked through
-- the users module, the client's account closed) counts as ended whatever these rows
-- say: every read checks Accounts.grantsOf.
-- Both hang on the client: removing it (C6) removes them.

-- A partner's request to a client (C7). recipient: the client's address the request was
-- sent to; sender_email: where answers and, with full access, copies go (C8).
-- partner_name and partner_language: the partner organization's name and the
-- requesting login's language when it asked, for the client's list and the partner's mails.
-- open_pair: client id and partner organization id while the request is open, else NULL:
-- the unique constraint allows one open request per partner and client (NULLs do not
-- collide on H2 or PostgreSQL), also between two requests racing.
-- An open request whose expires_at passed counts as expired; it is marked so when the
-- same partner asks again.
-- products: for an accepted partial request, the chosen module ids, space-separated.
CREATE TABLE clients_access_request (
    id VARCHAR(40) PRIMARY KEY,
    client_id VARCHAR(40) NOT NULL REFERENCES clients_client (id) ON DELETE CASCADE,
    partner_organization_id VARCHAR(40) NOT NULL,
    partner_name VARCHAR(200) NOT NULL,
    partner_language VARCHAR(8) NOT NULL,
    requested_by VARCHAR(40) NOT NULL,
    scope VARCHAR(10) NOT NULL,
    recipient VARCHAR(254) NOT NULL,
    sender_email VARCHAR(254) NOT NULL,
    message VARCHAR(2000),
    state VARCHAR(10) NOT NULL,
    open_pair VARCHAR(82),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    answered_at TIMESTAMP,
    answered_by VARCHAR(40),
    products VARCHAR(4000),
    grant_id VARCHAR(40),
    CONSTRAINT clients_access_request_scope CHECK (scope IN ('full', 'partial')),
    CONSTRAINT clients_access_request_state CHECK (state IN ('open', 'accepted', 'declined', 'expired')),
    CONSTRAINT clients_access_request_open UNIQUE (open_pair)
);

-- The client's requests and the partner's, newest first (ids sort by creation time).
CREATE INDEX clients_access_request_client ON clients_access_request (client_id, id);
CREATE INDEX clients_access_request_partner ON clients_access_request (partner_organization_id, id);

-- A grant given by accepting a request. copy_address: the request's sender address,
-- which gets copies of the client's system mails while email_copy is on (C8, full
-- access only). A row goes when its grant is ended through this module.
CREATE TABLE clients_partner_grant (
    grant_id VARCHAR(40) PRIMARY KEY,
    client_id VARCHAR(40) NOT NULL REFERENCES clients_client (id) ON DELETE CASCADE,
    partner_organization_id VARCHAR(40) NOT NULL,
    request_id VARCHAR(40) NOT NULL,
    copy_address VARCHAR(254) NOT NULL,
    email_copy BOOLEAN DEFAULT FALSE NOT NULL,
    created_at TIMESTAMP NOT NULL
);

-- The grants of one client; the clients that granted one partner; the grants with
-- copies on, which every mail the panel queues is checked against (C8).
CREATE INDEX clients_partner_grant_client ON clients_partner_grant (client_id, grant_id);
CREATE INDEX clients_partner_grant_partner ON clients_partner_grant (partner_organization_id, grant_id);
CREATE INDEX clients_partner_grant_copy ON clients_partner_grant (email_copy, grant_id);
