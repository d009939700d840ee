/**
 * Menu contributions. A module registers one {@link dev.kontor.api.menu.MenuItem}
 * service per entry, described by {@link dev.kontor.api.menu.MenuItemProperties}; the
 * host tracks them and shows each to the users who hold its permission.
 */
@Export
@Version("1.0.0")
package dev.kontor.api.menu;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
