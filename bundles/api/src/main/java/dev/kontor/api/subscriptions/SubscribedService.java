package dev.kontor.api.subscriptions;

/**
 * One service a subscription holds (S1).
 *
 * @param kind {@code domain}, {@code website} or {@code mailbox}
 * @param name what it is called, e.g. {@code example.com} or {@code info@example.com}
 */
public record SubscribedService(String kind, String name) {
}
