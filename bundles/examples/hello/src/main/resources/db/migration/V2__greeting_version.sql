-- Greetings can be edited; the version is their ETag, so two editors never overwrite each other silently.
ALTER TABLE hello_greeting ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
