-- The mail outbox. A row is written in the transaction of the change the mail tells
-- about and handed to the mail server after commit. Rows stay after delivery: the
-- operator reads sent, failed and kept mails in the panel.
CREATE TABLE mail_outbox (
    id VARCHAR(40) PRIMARY KEY,
    recipient VARCHAR(320) NOT NULL,
    subject VARCHAR(1000) NOT NULL,
    body VARCHAR(100000) NOT NULL,
    language VARCHAR(8),
    module VARCHAR(100) NOT NULL,
    state VARCHAR(10) NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    claimed_at TIMESTAMP,
    last_error VARCHAR(1000),
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP
);
-- The sender's query: pending mails that are due. The operator's list, newest first,
-- walks the primary key (ids sort by creation time).
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at);
