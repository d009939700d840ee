-- The words of V4, kept as their UTF-8 bytes (C3). PostgreSQL answers term LIKE 'word%'
-- from the primary key's index only under the C collation and read every row under any
-- other; bytes compare one by one everywhere, so the words that start with a query word
-- are one range of the index on both databases. The words are written again from the
-- clients' contact data when the module starts (clients without words get theirs).
DROP TABLE clients_search_term;
CREATE TABLE clients_search_term (
    term BYTEA NOT NULL,
    client_id VARCHAR(40) NOT NULL,
    PRIMARY KEY (term, client_id),
    CONSTRAINT clients_search_term_client FOREIGN KEY (client_id) REFERENCES clients_client (id) ON DELETE CASCADE
);
CREATE INDEX clients_search_term_by_client ON clients_search_term (client_id);
