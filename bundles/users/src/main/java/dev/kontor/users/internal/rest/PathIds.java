package dev.kontor.users.internal.rest;

import dev.kontor.users.internal.organization.TextFields;
import jakarta.ws.rs.NotFoundException;

/** Ids taken from request paths: one that cannot be an id of ours names nothing (404), never a database error. */
final class PathIds {

    private PathIds() {
    }

    static String of(String id) {
        if (!TextFields.plausibleId(id)) {
            throw new NotFoundException();
        }
        return id;
    }
}
