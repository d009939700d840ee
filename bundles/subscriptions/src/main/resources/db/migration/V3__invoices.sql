-- Invoices of subscriptions (S4, S5). An invoice belongs to one subscription and so to
-- its client; client_id is copied from the subscription so that a client's invoices are
-- an index range (the tenant column first). amount_minor: minor units of currency (ISO
-- 4217), the subscription's currency. due_on: the last day to pay; from the day after,
-- the invoice is overdue and the non-payment run (S4) takes its steps. purpose: manual
-- (created by staff) or renewal (the charge of the next term, S5); renews_expiry is the
-- last day of the term a renewal invoice renews, and a term is charged once: the unique
-- key makes a second renewal invoice for the same term fail, however many runs race.
-- paid_by, cancelled_by: a user id. No foreign key to the subscription: invoices go with
-- their client (C6), like the subscriptions.
CREATE TABLE subscriptions_invoice (
    id VARCHAR(40) PRIMARY KEY,
    subscription_id VARCHAR(40) NOT NULL,
    client_id VARCHAR(40) NOT NULL,
    purpose VARCHAR(10) NOT NULL,
    amount_minor BIGINT NOT NULL,
    currency CHAR(3) NOT NULL,
    due_on DATE NOT NULL,
    state VARCHAR(10) NOT NULL,
    description VARCHAR(1000),
    renews_expiry DATE,
    created_at TIMESTAMP NOT NULL,
    created_by VARCHAR(40) NOT NULL,
    paid_at TIMESTAMP,
    paid_by VARCHAR(40),
    payment_reference VARCHAR(200),
    cancelled_at TIMESTAMP,
    cancelled_by VARCHAR(40),
    cancel_note VARCHAR(1000),
    CONSTRAINT subscriptions_invoice_state CHECK (state IN ('open', 'paid', 'cancelled')),
    CONSTRAINT subscriptions_invoice_purpose CHECK (purpose IN ('manual', 'renewal')),
    CONSTRAINT subscriptions_invoice_amount CHECK (amount_minor > 0),
    CONSTRAINT subscriptions_invoice_renewal CHECK ((purpose = 'renewal' AND renews_expiry IS NOT NULL)
        OR (purpose = 'manual' AND renews_expiry IS NULL)),
    CONSTRAINT subscriptions_invoice_renews_once UNIQUE (subscription_id, renews_expiry)
);

-- Keyset paging as the subscription list has it: every order is (sort key, id), with or
-- without one filter in front. The whole list (the operator's):
CREATE INDEX subscriptions_invoice_by_due ON subscriptions_invoice (due_on, id);
CREATE INDEX subscriptions_invoice_by_created ON subscriptions_invoice (created_at, id);
-- One client's invoices:
CREATE INDEX subscriptions_invoice_client_by_due ON subscriptions_invoice (client_id, due_on, id);
CREATE INDEX subscriptions_invoice_client_by_created ON subscriptions_invoice (client_id, created_at, id);
-- One subscription's invoices:
CREATE INDEX subscriptions_invoice_subscription_by_due ON subscriptions_invoice (subscription_id, due_on, id);
CREATE INDEX subscriptions_invoice_subscription_by_created ON subscriptions_invoice (subscription_id, created_at, id);
-- Invoices in one state; open ones by due date are also what the non-payment run reads:
CREATE INDEX subscriptions_invoice_state_by_due ON subscriptions_invoice (state, due_on, id);
CREATE INDEX subscriptions_invoice_state_by_created ON subscriptions_invoice (state, created_at, id);

-- The steps the non-payment run took for an invoice (S4): suspension_notice, suspension,
-- termination_notice, termination. The primary key is the lock that makes each step
-- happen once: it is written in the step's own transaction together with what the step
-- does (the hold, the termination, the mails), so a step is either done with all of that
-- or not at all, and a second run or panel node cannot take it again.
CREATE TABLE subscriptions_invoice_step (
    invoice_id VARCHAR(40) NOT NULL,
    step VARCHAR(20) NOT NULL,
    done_at TIMESTAMP NOT NULL,
    PRIMARY KEY (invoice_id, step),
    CONSTRAINT subscriptions_invoice_step_name CHECK (step IN ('suspension_notice', 'suspension', 'termination_notice',
        'termination'))
);

-- Auto-renewing subscriptions by expiry: the renewal run's charge 14 days before expiry (S5).
CREATE INDEX subscriptions_auto_renew_by_expiry ON subscriptions_subscription (auto_renew, expires_on, id);
