package dev.kontor.api.storage;

/** The databases the panel runs on. */
public enum DatabaseKind {
    /** H2 in file mode, PostgreSQL compatibility mode: the embedded default. */
    H2,
    /** PostgreSQL 14 or newer: for production. */
    POSTGRESQL
}
