package dev.kontor.users.internal.menu;

/** The menu section of this module's entries; its label is the i18n key {@code section.account}. */
final class MenuSection {

    static final String ACCOUNT = "account";

    private MenuSection() {
    }
}
