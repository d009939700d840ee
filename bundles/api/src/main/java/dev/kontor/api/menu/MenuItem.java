package dev.kontor.api.menu;

import dev.kontor.api.security.Caller;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One entry of the panel menu, contributed by a module as a service. Everything the
 * host needs to place and label the entry is in the service properties (see
 * {@link MenuItemProperties}); the service object only answers the one question that
 * can depend on the caller beyond the declared permission.
 *
 * <p>The host calls {@link #isVisible(Caller)} while it answers a menu request. An
 * exception thrown there hides the entry and marks the module as failed on the
 * operator's modules page; the rest of the menu is still served.
 */
@ConsumerType
public interface MenuItem {

    /**
     * Whether this entry is shown to the caller, who already holds the item's declared
     * permission. Most items need no further check and keep the default.
     */
    default boolean isVisible(Caller caller) {
        return true;
    }
}
