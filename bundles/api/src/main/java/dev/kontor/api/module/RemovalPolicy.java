package dev.kontor.api.module;

/**
 * What removing a module from the operator's modules page does with its tables. A jar
 * that simply leaves {@code deploy/} always keeps them: only an operator's decision on
 * the modules page exports or purges.
 *
 * @since 1.1
 */
public enum RemovalPolicy {

    /** The tables stay; installing the module again finds its data. */
    KEEP,

    /** The tables are written to a JSON archive in the panel's data folder, then dropped. */
    EXPORT,

    /** The tables are dropped. */
    PURGE
}
