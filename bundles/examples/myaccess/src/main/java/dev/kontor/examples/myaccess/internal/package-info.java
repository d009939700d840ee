/** The "My access" example module: a menu item, its permission and a page; it exports nothing. */
@Module("myaccess")
package dev.kontor.examples.myaccess.internal;

import dev.kontor.api.module.Module;
