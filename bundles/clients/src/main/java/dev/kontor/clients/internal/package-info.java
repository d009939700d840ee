/**
 * The clients module: client accounts of the operator and of resellers (C1–C6), each
 * built on an account of the users module. Everything is private; other modules reach
 * it through the API bundle's {@code ClientDirectory} and {@code ClientLifecycleListener}.
 */
@Module("clients")
package dev.kontor.clients.internal;

import dev.kontor.api.module.Module;
