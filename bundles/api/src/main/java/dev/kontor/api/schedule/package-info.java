/**
 * Background jobs that the panel runs for a module, gated like its menu and REST
 * resources by where the operator switched the module on.
 */
@Export
@Version("1.0.0")
package dev.kontor.api.schedule;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
