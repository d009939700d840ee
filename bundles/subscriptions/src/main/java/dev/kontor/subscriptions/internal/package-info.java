/**
 * The subscriptions module: clients' subscriptions (S1), their suspension as stacked
 * holds (S2) with cascades from suspended clients and resellers, and termination (S6).
 * Everything is private; other modules reach it through the API bundle's
 * {@code SubscriptionDirectory}, and it reaches the clients module only through
 * {@code ClientDirectory} and the lifecycle listeners it registers.
 */
@Module("subscriptions")
package dev.kontor.subscriptions.internal;

import dev.kontor.api.module.Module;
