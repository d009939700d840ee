/**
 * The users module's public face for other modules: accounts (an organization with its
 * first login as owner), their suspension and removal, and access one organization
 * grants another's members. The clients module builds client accounts on it; nothing
 * here exposes how the users module stores anything.
 */
@Export
@Version("1.2.0")
package dev.kontor.api.users;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
