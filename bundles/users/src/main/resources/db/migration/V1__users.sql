-- Logins: one per person, across organizations (U1, U12). username_key is the
-- lower-cased name, so "Alice" and "alice" cannot both exist.
CREATE TABLE users_login (
    id VARCHAR(40) PRIMARY KEY,
    username VARCHAR(100) NOT NULL,
    username_key VARCHAR(100) NOT NULL,
    email VARCHAR(254),
    display_name VARCHAR(200) NOT NULL,
    language VARCHAR(8) NOT NULL,
    -- Argon2id in PHC string form; NULL only for the operator login "admin" until it
    -- sets its own password: the host's built-in login checks that one.
    password_hash VARCHAR(200),
    created_at TIMESTAMP NOT NULL,
    version BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT users_login_username UNIQUE (username_key)
);
CREATE INDEX users_login_email ON users_login (email);

-- Organizations (U1): the operator's own ("operator") and one per account. A suspended
-- organization's members cannot act in it (C4).
CREATE TABLE users_organization (
    id VARCHAR(40) PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    operator BOOLEAN DEFAULT FALSE NOT NULL,
    suspended BOOLEAN DEFAULT FALSE NOT NULL,
    created_by VARCHAR(40),
    created_at TIMESTAMP NOT NULL,
    version BIGINT DEFAULT 0 NOT NULL
);

-- Custom roles of an organization (U8); built-in roles are code, not rows.
-- permissions: permission ids separated by spaces.
CREATE TABLE users_role (
    organization_id VARCHAR(40) NOT NULL,
    id VARCHAR(40) NOT NULL,
    name VARCHAR(100) NOT NULL,
    permissions VARCHAR(4000) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    version BIGINT DEFAULT 0 NOT NULL,
    PRIMARY KEY (organization_id, id),
    CONSTRAINT users_role_org_fk FOREIGN KEY (organization_id) REFERENCES users_organization (id) ON DELETE CASCADE
);

-- Who belongs to which organization, with which role, products and contact
-- preferences (U3, U5). products: module ids separated by spaces.
CREATE TABLE users_membership (
    organization_id VARCHAR(40) NOT NULL,
    user_id VARCHAR(40) NOT NULL,
    role_id VARCHAR(40) NOT NULL,
    products VARCHAR(4000) DEFAULT '' NOT NULL,
    contact_technical BOOLEAN DEFAULT FALSE NOT NULL,
    contact_billing BOOLEAN DEFAULT FALSE NOT NULL,
    contact_news BOOLEAN DEFAULT FALSE NOT NULL,
    joined_at TIMESTAMP NOT NULL,
    version BIGINT DEFAULT 0 NOT NULL,
    PRIMARY KEY (organization_id, user_id),
    CONSTRAINT users_membership_org_fk FOREIGN KEY (organization_id) REFERENCES users_organization (id) ON DELETE CASCADE,
    CONSTRAINT users_membership_login_fk FOREIGN KEY (user_id) REFERENCES users_login (id) ON DELETE CASCADE
);
CREATE INDEX users_membership_user ON users_membership (user_id, organization_id);

-- Workgroups (U7): members, products and an optional lead.
CREATE TABLE users_workgroup (
    id VARCHAR(40) PRIMARY KEY,
    organization_id VARCHAR(40) NOT NULL,
    name VARCHAR(100) NOT NULL,
    products VARCHAR(4000) DEFAULT '' NOT NULL,
    lead_user_id VARCHAR(40),
    created_at TIMESTAMP NOT NULL,
    version BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT users_workgroup_org_fk FOREIGN KEY (organization_id) REFERENCES users_organization (id) ON DELETE CASCADE
);
CREATE INDEX users_workgroup_organization ON users_workgroup (organization_id, id);

CREATE TABLE users_workgroup_member (
    workgroup_id VARCHAR(40) NOT NULL,
    user_id VARCHAR(40) NOT NULL,
    PRIMARY KEY (workgroup_id, user_id),
    CONSTRAINT users_workgroup_member_group_fk FOREIGN KEY (workgroup_id) REFERENCES users_workgroup (id) ON DELETE CASCADE,
    CONSTRAINT users_workgroup_member_login_fk FOREIGN KEY (user_id) REFERENCES users_login (id) ON DELETE CASCADE
);
CREATE INDEX users_workgroup_member_user ON users_workgroup_member (user_id);

-- Invitations (U9): only the SHA-256 of the link's token is stored.
-- state: pending, accepted, declined, revoked (expired is pending past expires_at).
CREATE TABLE users_invitation (
    id VARCHAR(40) PRIMARY KEY,
    organization_id VARCHAR(40) NOT NULL,
    email VARCHAR(254) NOT NULL,
    role_id VARCHAR(40) NOT NULL,
    products VARCHAR(4000) DEFAULT '' NOT NULL,
    workgroups VARCHAR(4000) DEFAULT '' NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    state VARCHAR(16) NOT NULL,
    invited_by VARCHAR(40) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    answered_by VARCHAR(40),
    answered_at TIMESTAMP,
    version BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT users_invitation_token UNIQUE (token_hash),
    CONSTRAINT users_invitation_org_fk FOREIGN KEY (organization_id) REFERENCES users_organization (id) ON DELETE CASCADE
);
CREATE INDEX users_invitation_organization ON users_invitation (organization_id, id);

-- A login's change of e-mail address, confirmed through a link to the new address (U9).
CREATE TABLE users_email_change (
    id VARCHAR(40) PRIMARY KEY,
    user_id VARCHAR(40) NOT NULL,
    new_email VARCHAR(254) NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    confirmed_at TIMESTAMP,
    CONSTRAINT users_email_change_token UNIQUE (token_hash),
    CONSTRAINT users_email_change_login_fk FOREIGN KEY (user_id) REFERENCES users_login (id) ON DELETE CASCADE
);
CREATE INDEX users_email_change_user ON users_email_change (user_id);

-- Access one organization grants to another's members: support access of the
-- operator's staff per content type (U11, kind 'support'), with an end.
CREATE TABLE users_access_grant (
    id VARCHAR(40) PRIMARY KEY,
    organization_id VARCHAR(40) NOT NULL,
    grantee_organization_id VARCHAR(40) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    granted_by VARCHAR(40) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP,
    revoked_by VARCHAR(40),
    CONSTRAINT users_access_grant_org_fk FOREIGN KEY (organization_id) REFERENCES users_organization (id) ON DELETE CASCADE
);
CREATE INDEX users_access_grant_organization ON users_access_grant (organization_id, id);
CREATE INDEX users_access_grant_grantee ON users_access_grant (grantee_organization_id, organization_id);

-- OAuth 2 clients for machine access (U13): client credentials of one organization.
CREATE TABLE users_oauth_client (
    id VARCHAR(40) PRIMARY KEY,
    organization_id VARCHAR(40) NOT NULL,
    name VARCHAR(100) NOT NULL,
    secret_hash VARCHAR(64) NOT NULL,
    scopes VARCHAR(4000) NOT NULL,
    created_by VARCHAR(40) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP,
    CONSTRAINT users_oauth_client_org_fk FOREIGN KEY (organization_id) REFERENCES users_organization (id) ON DELETE CASCADE
);
CREATE INDEX users_oauth_client_organization ON users_oauth_client (organization_id, id);

-- Bearer tokens: personal API tokens of a login in one organization, and access
-- tokens issued to OAuth clients. Only the SHA-256 of the token is stored.
CREATE TABLE users_token (
    id VARCHAR(40) PRIMARY KEY,
    kind VARCHAR(16) NOT NULL,
    organization_id VARCHAR(40) NOT NULL,
    user_id VARCHAR(40),
    client_id VARCHAR(40),
    name VARCHAR(100) NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    scopes VARCHAR(4000) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at TIMESTAMP,
    CONSTRAINT users_token_hash UNIQUE (token_hash),
    CONSTRAINT users_token_org_fk FOREIGN KEY (organization_id) REFERENCES users_organization (id) ON DELETE CASCADE
);
CREATE INDEX users_token_user ON users_token (user_id, id);
CREATE INDEX users_token_client ON users_token (client_id);

-- The operator's organization exists from the first start (U1).
INSERT INTO users_organization (id, name, operator, created_at) VALUES ('operator', 'Operator', TRUE, CURRENT_TIMESTAMP);
