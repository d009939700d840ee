-- Organizations the operator made resellers (C9): their owner and administrators hold
-- the permissions modules declare for resellers.
ALTER TABLE users_organization ADD COLUMN reseller BOOLEAN DEFAULT FALSE NOT NULL;
