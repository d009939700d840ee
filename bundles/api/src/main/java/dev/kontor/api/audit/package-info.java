/**
 * The audit trail: who did what to which target, when, from where and with what
 * outcome, written in the same transaction as the change it records.
 */
@Export
@Version("1.1.0")
package dev.kontor.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
