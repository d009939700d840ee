package dev.kontor.api.module;

/** The fixed names of the module convention, shared by the host and module authors. */
public final class ModuleLayout {

    /** Manifest header holding the module id. */
    public static final String HEADER = "Kontor-Module";

    /** Folder inside the bundle whose files the host serves under {@link #PAGES_PATH}. */
    public static final String WEB_FOLDER = "web";

    /** URL path under which the host serves a module's pages: {@code /modules/<id>/<file>}. */
    public static final String PAGES_PATH = "/modules/";

    /** Base name of the module's translations: {@code i18n/messages.properties}, {@code i18n/messages_de.properties}. */
    public static final String MESSAGES = "i18n/messages";

    /**
     * Manifest header holding the module's {@link RemovalPolicy}, written by {@link DataOnRemoval}.
     *
     * @since 1.1
     */
    public static final String REMOVAL_HEADER = "Kontor-Module-Removal";

    /**
     * Folder inside the bundle holding its migrations, {@code V<n>__<description>.sql}.
     *
     * @since 1.1
     */
    public static final String MIGRATIONS_FOLDER = "db/migration";

    private ModuleLayout() {
    }
}
