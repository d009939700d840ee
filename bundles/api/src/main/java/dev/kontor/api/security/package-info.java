/**
 * Who is calling and what they may do: the permissions a module declares, the caller
 * the host authenticated, and the identity provider interface the users module
 * implements to replace the host's built-in operator login.
 */
@Export
@Version("1.2.0")
package dev.kontor.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
