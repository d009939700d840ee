-- Partner access (kind 'partner', C7, C9, C10): one organization lets another's members
-- act in it. products: module ids separated by spaces, empty for full access (what an
-- administrator holds); grantee_user_ids: the grantee's logins it is for, empty for all
-- of its members. Partner grants have no end of their own: they are written with
-- expires_at 9999-12-31, so "in force" keeps meaning "not revoked and not expired" for
-- every kind of grant.
ALTER TABLE users_access_grant ADD COLUMN products VARCHAR(4000) DEFAULT '' NOT NULL;
ALTER TABLE users_access_grant ADD COLUMN grantee_user_ids VARCHAR(4000) DEFAULT '' NOT NULL;
-- A grant goes with either organization: removing the grantee removes what it received,
-- and a grant to an organization being removed meanwhile cannot be left behind.
ALTER TABLE users_access_grant ADD CONSTRAINT users_access_grant_grantee_fk
    FOREIGN KEY (grantee_organization_id) REFERENCES users_organization (id) ON DELETE CASCADE;
