/** The Hello example module: everything is private, it exports nothing. */
@Module("hello")
package dev.kontor.examples.hello.internal;

import dev.kontor.api.module.Module;
