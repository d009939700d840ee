/**
 * The subscriptions module's public face: a directory of clients' subscriptions and the
 * provisioning interface through which bundles that run real services (websites, mail)
 * learn when a subscription must stop or may serve again (S3).
 */
@Export
@Version("1.0.0")
package dev.kontor.api.subscriptions;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
