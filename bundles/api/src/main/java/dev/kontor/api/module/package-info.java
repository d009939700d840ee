/**
 * What makes a bundle a Kontor module: the {@code Kontor-Module} manifest header,
 * written by the {@link dev.kontor.api.module.Module} annotation, and the fixed places
 * inside the bundle where the host looks for pages and translations; since 1.1 also the
 * gate that switches a module on or off per organization, and the policy for its data
 * when an operator removes it.
 */
@Export
@Version("1.1.0")
package dev.kontor.api.module;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
