package dev.kontor.clients.internal.partner;

/**
 * The client account of the organization the caller acts in, for its side of partner
 * access: its id is what a partner asks with, together with one of its addresses (C7).
 */
public record OwnClient(String id, String organizationId, String name) {
}
