/**
 * The clients module's public face: a directory of client accounts and the listeners
 * told when a client is suspended, activated or removed. The subscriptions module and
 * third parties depend on these, never on the clients module's insides.
 */
@Export
@Version("1.2.0")
package dev.kontor.api.clients;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
