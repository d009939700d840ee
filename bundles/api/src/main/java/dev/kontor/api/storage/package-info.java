/**
 * Storage for modules: the panel's one database, transactions that span modules, and
 * schema migrations shipped in each module's bundle under {@code db/migration/}.
 */
@Export
@Version("1.1.0")
package dev.kontor.api.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
