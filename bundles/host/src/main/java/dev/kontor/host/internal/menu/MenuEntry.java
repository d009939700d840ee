package dev.kontor.host.internal.menu;

/** One menu item as the shell receives it, label already in the caller's language. */
public record MenuEntry(String id, String label, String icon, String section, String sectionLabel, int order, String href,
        String module) {
}
