-- The words of each client's name, company and e-mail, whole and in their parts,
-- lower-cased (C3): the list's q finds clients with a word that starts with each word of
-- the query. A rare word is found through this index without reading other clients;
-- search_text keeps the same words space-separated (' anna müller anna@example.com ...')
-- for queries matching many clients. Clients created before this table existed get
-- their words when the module starts.
CREATE TABLE clients_search_term (
    term VARCHAR(100) NOT NULL,
    client_id VARCHAR(40) NOT NULL,
    PRIMARY KEY (term, client_id),
    CONSTRAINT clients_search_term_client FOREIGN KEY (client_id) REFERENCES clients_client (id) ON DELETE CASCADE
);
CREATE INDEX clients_search_term_by_client ON clients_search_term (client_id);
