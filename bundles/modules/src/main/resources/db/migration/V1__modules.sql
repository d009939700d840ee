-- Where each module is switched on: one rule per module and scope. The panel's own rule
-- has scope 'panel' and an empty scope_id; 'organization' and 'reseller' rules name the
-- organization (a reseller by its organization id).
CREATE TABLE modules_enablement (
    module_id VARCHAR(100) NOT NULL,
    scope VARCHAR(20) NOT NULL,
    scope_id VARCHAR(100) NOT NULL,
    enabled BOOLEAN NOT NULL,
    changed_at TIMESTAMP NOT NULL,
    changed_by VARCHAR(100),
    PRIMARY KEY (module_id, scope, scope_id)
);

-- Every version of a module the panel has run, with the permissions it declared: the
-- latest two give the permission change of the latest upgrade.
CREATE TABLE modules_release (
    module_id VARCHAR(100) NOT NULL,
    version VARCHAR(100) NOT NULL,
    permissions VARCHAR(8000) NOT NULL,
    first_seen TIMESTAMP NOT NULL,
    PRIMARY KEY (module_id, version)
);
