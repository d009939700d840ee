/**
 * The example provisioner module (S3): a web server's site table kept in line with the
 * subscriptions' states. Everything is private, it exports nothing.
 */
@Module("provisioner")
package dev.kontor.examples.provisioner.internal;

import dev.kontor.api.module.Module;
