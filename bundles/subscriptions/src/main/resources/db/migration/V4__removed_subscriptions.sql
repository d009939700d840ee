-- Subscriptions removed with their client (C6) that provisioners (S3) must still be told
-- of: the last word on each, a terminated snapshot at the revision after the last one it
-- had, so that the websites and mailboxes it ran stop for good. Written in the removal's
-- transaction, together with the ledger rows (subscriptions_provisioning, same
-- subscription id) that owe it to every provisioner known then; a provisioner first
-- registered later owes nothing of it. The snapshot goes once no ledger row owes it any more.
CREATE TABLE subscriptions_removed (
    id VARCHAR(40) PRIMARY KEY,
    client_id VARCHAR(40) NOT NULL,
    plan VARCHAR(100) NOT NULL,
    expires_on DATE NOT NULL,
    auto_renew BOOLEAN NOT NULL,
    final_revision BIGINT NOT NULL,
    removed_at TIMESTAMP NOT NULL
);

-- The services the removed subscription held, in their order: what the provisioner stops.
CREATE TABLE subscriptions_removed_service (
    subscription_id VARCHAR(40) NOT NULL,
    service_index INT NOT NULL,
    kind VARCHAR(10) NOT NULL,
    name VARCHAR(320) NOT NULL,
    PRIMARY KEY (subscription_id, service_index)
);
