package dev.kontor.conformance;

/** The rules the kit checks, in the order it checks them: the last two stop and start the module. */
public enum ModuleRule {

    /** Import-Package holds nothing of the built-in modules but {@code dev.kontor.api.*}. */
    IMPORTS_ONLY_THE_API("imports nothing of the panel but dev.kontor.api"),
    /** The bundle starts, every DS component of it is satisfied, the panel lists the module as active. */
    STARTS_CLEANLY("starts, and the panel lists it as active"),
    /** Every REST method declares a permission (or is public) and refuses callers without it. */
    REST_METHODS_REQUIRE_A_PERMISSION("every REST method declares a permission and refuses callers without it"),
    /** Every menu item's label and every permission's label exist in English and German; every menu page exists. */
    LABELS_IN_ENGLISH_AND_GERMAN("menu items and permissions are labelled in English and German, menu pages exist"),
    /** Migrations apply on H2 and PostgreSQL, and a second run applies nothing and fails nothing. */
    MIGRATIONS_APPLY_TWICE("migrations apply on H2 and PostgreSQL, a second run changes nothing"),
    /** After the bundle stops: no service, menu item, permission, REST path, page or thread of it remains. */
    STOP_REMOVES_EVERYTHING("stopping removes every contribution and thread"),
    /** After it starts again: every contribution is back and answers as before. */
    START_AGAIN_RESTORES_EVERYTHING("starting again brings every contribution back");

    private final String description;

    ModuleRule(String description) {
        this.description = description;
    }

    /** What the rule asks, as the test report shows it. */
    public String description() {
        return description;
    }
}
