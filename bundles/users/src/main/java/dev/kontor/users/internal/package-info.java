/**
 * The users module: logins, organizations, roles, members, invitations, workgroups,
 * support access and bearer tokens. Everything is private; other modules reach it only
 * through the API bundle's {@code IdentityProvider} contract.
 */
@Module("users")
package dev.kontor.users.internal;

import dev.kontor.api.module.Module;
