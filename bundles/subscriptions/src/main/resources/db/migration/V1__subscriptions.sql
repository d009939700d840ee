-- Subscriptions of clients (S1). client_id is an id of the clients module; no foreign
-- keys into another module's tables: modules are installed and migrated independently.
-- state is the effective state, written only by EffectiveState from the holds in force
-- and terminated_at in the same transaction as the change that caused it (S2, S6);
-- state_revision grows by one with every change of state, so that provisioning (S3)
-- can tell a repeated delivery from a new one. shown_hold_id is the hold in force that
-- precedence puts first: what the client is shown as the reason of a suspension.
-- price_minor: the price in minor units of price_currency (ISO 4217), both NULL when no
-- price is set. plan_key: the lower-cased plan, the sort key of the list. version is the ETag.
CREATE TABLE subscriptions_subscription (
    id VARCHAR(40) PRIMARY KEY,
    client_id VARCHAR(40) NOT NULL,
    plan VARCHAR(100) NOT NULL,
    plan_key VARCHAR(200) NOT NULL,
    starts_on DATE NOT NULL,
    expires_on DATE NOT NULL,
    price_minor BIGINT,
    price_currency CHAR(3),
    auto_renew BOOLEAN DEFAULT FALSE NOT NULL,
    state VARCHAR(10) NOT NULL,
    state_revision BIGINT DEFAULT 0 NOT NULL,
    shown_hold_id VARCHAR(40),
    terminated_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT subscriptions_subscription_state CHECK (state IN ('active', 'suspended', 'terminated')),
    CONSTRAINT subscriptions_subscription_term CHECK (expires_on >= starts_on),
    CONSTRAINT subscriptions_subscription_price CHECK ((price_minor IS NULL AND price_currency IS NULL)
        OR (price_minor >= 0 AND price_currency IS NOT NULL))
);

-- Keyset paging: every order of the list is (sort key, id), with or without one filter
-- in front, so that the page after a cursor is an index range scan. The whole list
-- (the operator's):
CREATE INDEX subscriptions_by_created ON subscriptions_subscription (created_at, id);
CREATE INDEX subscriptions_by_expiry ON subscriptions_subscription (expires_on, id);
CREATE INDEX subscriptions_by_plan ON subscriptions_subscription (plan_key, id);
-- One client's subscriptions (the tenant column first), also what cascades and removal read:
CREATE INDEX subscriptions_client_by_created ON subscriptions_subscription (client_id, created_at, id);
CREATE INDEX subscriptions_client_by_expiry ON subscriptions_subscription (client_id, expires_on, id);
CREATE INDEX subscriptions_client_by_plan ON subscriptions_subscription (client_id, plan_key, id);
-- Subscriptions in one state:
CREATE INDEX subscriptions_state_by_created ON subscriptions_subscription (state, created_at, id);
CREATE INDEX subscriptions_state_by_expiry ON subscriptions_subscription (state, expires_on, id);
CREATE INDEX subscriptions_state_by_plan ON subscriptions_subscription (state, plan_key, id);

-- The services a subscription holds (S1), in the order given. kind: domain, website or
-- mailbox; name as validated (domains lower case, in their ASCII form); name_key lower case.
CREATE TABLE subscriptions_service (
    subscription_id VARCHAR(40) NOT NULL,
    service_index INT NOT NULL,
    kind VARCHAR(10) NOT NULL,
    name VARCHAR(320) NOT NULL,
    name_key VARCHAR(320) NOT NULL,
    PRIMARY KEY (subscription_id, service_index),
    CONSTRAINT subscriptions_service_once UNIQUE (subscription_id, kind, name_key),
    CONSTRAINT subscriptions_service_kind CHECK (kind IN ('domain', 'website', 'mailbox'))
);
-- Which subscription holds a service (a search by domain name):
CREATE INDEX subscriptions_service_by_name ON subscriptions_service (name_key, subscription_id);

-- Suspension holds (S2). A hold is in force while lifted_at is NULL and expires_at is
-- NULL or later than now. source_id: for cascade holds the client or reseller whose
-- suspension placed it. placed_by / lifted_by: a user id, or 'system'. Holds are never
-- deleted except with their subscription when its client is removed (C6).
CREATE TABLE subscriptions_hold (
    id VARCHAR(40) PRIMARY KEY,
    subscription_id VARCHAR(40) NOT NULL,
    reason VARCHAR(20) NOT NULL,
    source_id VARCHAR(40),
    placed_by VARCHAR(40) NOT NULL,
    placed_by_organization VARCHAR(40),
    placed_at TIMESTAMP NOT NULL,
    public_note VARCHAR(1000),
    internal_note VARCHAR(4000),
    expires_at TIMESTAMP,
    lifted_at TIMESTAMP,
    lifted_by VARCHAR(40),
    lift_note VARCHAR(1000),
    CONSTRAINT subscriptions_hold_reason CHECK (reason IN ('abuse', 'operator', 'reseller', 'non_payment', 'expired',
        'customer', 'cascade_client', 'cascade_reseller'))
);
-- A subscription's holds, newest first (keyset by placed_at, id), and those in force:
CREATE INDEX subscriptions_hold_by_subscription ON subscriptions_hold (subscription_id, placed_at, id);
-- Cascade holds of one client or reseller (lifting them when its suspension ends, reconciling):
CREATE INDEX subscriptions_hold_by_source ON subscriptions_hold (source_id, reason);
-- Holds with an expiry, for the sweep that records their lapse:
CREATE INDEX subscriptions_hold_by_expiry ON subscriptions_hold (expires_at);

-- The history of each subscription (S2, S6): every hold placed, lifted or lapsed, every
-- creation, change and termination, with who (a user id or 'system'), when and why.
-- seq numbers one subscription's entries in order. Never changed; deleted only with the
-- subscription when its client is removed (C6).
CREATE TABLE subscriptions_history (
    subscription_id VARCHAR(40) NOT NULL,
    seq BIGINT NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    action VARCHAR(20) NOT NULL,
    hold_id VARCHAR(40),
    reason VARCHAR(20),
    actor VARCHAR(40) NOT NULL,
    note VARCHAR(4000),
    state VARCHAR(10) NOT NULL,
    PRIMARY KEY (subscription_id, seq)
);
