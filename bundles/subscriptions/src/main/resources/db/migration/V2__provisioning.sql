-- Provisioning (S3): what each provisioner (a bundle running real services, named by its
-- service property kontor.provisioner.name) has been told of each subscription.
--
-- The provisioners this panel has ever had, by name. A state change owes a delivery only
-- to these: a provisioner that was never registered costs no rows. A provisioner first
-- registered gets a row for every subscription (terminated ones included) in one
-- statement; one registered again finds its rows where it left them.
CREATE TABLE subscriptions_provisioner (
    name VARCHAR(100) PRIMARY KEY,
    first_registered_at TIMESTAMP NOT NULL,
    last_registered_at TIMESTAMP NOT NULL
);

-- One row per (provisioner, subscription): the subscription's state_revision it is owed
-- (wanted_revision) and the one it last took without an error (delivered_revision, NULL
-- before the first). next_attempt_at is set while a delivery is owed (NULL when none
-- is); attempts counts the failed attempts since the last success; failing is set once
-- attempts reached the configured number and cleared by the next success. A node
-- delivering holds the row's lease (lease_owner, lease_until): another node takes the
-- row only once the lease has run out, so one subscription is never delivered to one
-- provisioner twice at once. Rows go with their subscription when its client is removed.
CREATE TABLE subscriptions_provisioning (
    provisioner VARCHAR(100) NOT NULL,
    subscription_id VARCHAR(40) NOT NULL,
    wanted_revision BIGINT NOT NULL,
    delivered_revision BIGINT,
    attempts INT DEFAULT 0 NOT NULL,
    next_attempt_at TIMESTAMP,
    last_attempt_at TIMESTAMP,
    last_error VARCHAR(1000),
    failing BOOLEAN DEFAULT FALSE NOT NULL,
    lease_owner VARCHAR(40),
    lease_until TIMESTAMP,
    PRIMARY KEY (provisioner, subscription_id)
);
-- What one provisioner's worker takes next: the earliest due row of that provisioner, in
-- the index's order (a first registration makes thousands due at the same instant).
CREATE INDEX subscriptions_provisioning_due ON subscriptions_provisioning (provisioner, next_attempt_at, subscription_id);
-- A subscription's rows (its JSON, a retry, a state change owing them all):
CREATE INDEX subscriptions_provisioning_of ON subscriptions_provisioning (subscription_id, provisioner);
-- The operator's list of failures, in the list's order:
CREATE INDEX subscriptions_provisioning_failing ON subscriptions_provisioning (failing, provisioner, subscription_id);
