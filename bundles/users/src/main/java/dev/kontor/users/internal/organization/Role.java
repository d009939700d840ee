package dev.kontor.users.internal.organization;

import java.util.List;

/**
 * A role of an organization as the API shows it (U8).
 *
 * @param id {@code owner}, {@code administrator}, {@code billing}, {@code reports},
 *        {@code basic}, or a custom role's id
 * @param name English for built-in roles (the UI shows {@code role.<id>} from i18n)
 * @param permissions what the role gives in this organization now, sorted
 * @param memberCount how many members hold it
 * @param version a custom role's version (its ETag); null for built-in roles
 */
public record Role(String id, String name, boolean builtIn, List<String> permissions, int memberCount, Long version) {

    public Role {
        permissions = List.copyOf(permissions);
    }
}
