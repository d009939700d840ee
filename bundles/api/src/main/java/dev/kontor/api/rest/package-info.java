/**
 * How a module publishes REST resources: {@link dev.kontor.api.rest.KontorResource} on
 * a DS component registers it with the panel's JAX-RS whiteboard, with JSON and the
 * panel's security checks applied; {@link dev.kontor.api.rest.PageRequest} and
 * {@link dev.kontor.api.rest.Page} for lists, {@link dev.kontor.api.rest.KeysetOrder} for
 * their order and cursors, {@link dev.kontor.api.rest.TextInput} for checking text and
 * ids, {@link dev.kontor.api.rest.ValidationException} for bad input.
 */
@Export
@Version("1.2.0")
package dev.kontor.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
