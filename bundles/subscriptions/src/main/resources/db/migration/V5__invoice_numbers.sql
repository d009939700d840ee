-- Invoice numbers (S4): YYYY-NNNNNN, counted per year without gaps, assigned in the
-- transaction that creates the invoice (a rolled back creation takes its number back).
-- One row holds the year counted and the last number given in it: every creation
-- updates it, so concurrent creations queue on its lock and never share a number, and
-- no creation ever has to insert a row another one may be inserting too. The year never
-- goes back, so a panel node whose clock lags behind at new year counts on in the new one.
CREATE TABLE subscriptions_invoice_sequence (
    id INT PRIMARY KEY,
    invoice_year INT NOT NULL,
    last_number BIGINT NOT NULL,
    CONSTRAINT subscriptions_invoice_sequence_one CHECK (id = 1)
);

ALTER TABLE subscriptions_invoice ADD COLUMN number VARCHAR(20);

-- Descriptions the panel writes itself (a renewal's, S5) are stored as a key of the
-- module's i18n files with its arguments (form-encoded), so that each reader gets them in
-- their language; description holds only what staff wrote, as written.
ALTER TABLE subscriptions_invoice ADD COLUMN description_key VARCHAR(100);
ALTER TABLE subscriptions_invoice ADD COLUMN description_args VARCHAR(2000);

-- Invoices made before numbers existed: numbered in the order they were made, per year.
UPDATE subscriptions_invoice i SET number = CAST(CAST(EXTRACT(YEAR FROM i.created_at) AS INT) AS VARCHAR(4)) || '-'
    || LPAD(CAST((SELECT COUNT(*) FROM subscriptions_invoice o
        WHERE CAST(EXTRACT(YEAR FROM o.created_at) AS INT) = CAST(EXTRACT(YEAR FROM i.created_at) AS INT)
        AND (o.created_at < i.created_at OR (o.created_at = i.created_at AND o.id <= i.id))) AS VARCHAR(20)), 6, '0');

INSERT INTO subscriptions_invoice_sequence (id, invoice_year, last_number) VALUES (1, 0, 0);
UPDATE subscriptions_invoice_sequence SET
    invoice_year = COALESCE((SELECT MAX(CAST(EXTRACT(YEAR FROM created_at) AS INT)) FROM subscriptions_invoice), 0),
    last_number = (SELECT COUNT(*) FROM subscriptions_invoice WHERE CAST(EXTRACT(YEAR FROM created_at) AS INT)
        = (SELECT MAX(CAST(EXTRACT(YEAR FROM created_at) AS INT)) FROM subscriptions_invoice));

ALTER TABLE subscriptions_invoice ALTER COLUMN number SET NOT NULL;
ALTER TABLE subscriptions_invoice ADD CONSTRAINT subscriptions_invoice_number_once UNIQUE (number);
