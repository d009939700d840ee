/**
 * How a module publishes REST resources: {@link dev.kontor.api.rest.KontorResource} on
 * a DS component registers it with the panel's JAX-RS whiteboard, with JSON and the
 * panel's security checks applied.
 */
@Export
@Version("1.0.0")
package dev.kontor.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
