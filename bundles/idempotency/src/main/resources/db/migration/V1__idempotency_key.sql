-- Answers of unsafe requests by Idempotency-Key, per user and organization, kept a day.
CREATE TABLE idempotency_key (
    organization_id VARCHAR(100) NOT NULL,
    user_id VARCHAR(100) NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    request_hash VARCHAR(64) NOT NULL,
    answer TEXT,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, user_id, idempotency_key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
