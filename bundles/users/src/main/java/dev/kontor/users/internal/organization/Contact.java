package dev.kontor.users.internal.organization;

/** Which administrative matters a member is the organization's contact for (U3, U5). */
public record Contact(boolean technical, boolean billing, boolean news) {

    public static final Contact NONE = new Contact(false, false, false);
}
