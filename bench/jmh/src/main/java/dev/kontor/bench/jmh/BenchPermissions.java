package dev.kontor.bench.jmh;

import dev.kontor.users.internal.access.DeclaredPermissions;
import dev.kontor.users.internal.login.PasswordHasher;
import java.util.List;
import java.util.Set;

/** What the users benchmarks share: the permissions modules declare, and one password for every login. */
final class BenchPermissions {

    static final String PASSWORD = "correct horse battery staple";
    /** Hashed once: hashing is slow on purpose, 10,000 times would take minutes. */
    static final String PASSWORD_HASH = PasswordHasher.DEFAULT.hash(PASSWORD.toCharArray());
    /** The permission every decision asks about: basic access holds it, billing does not. */
    static final String CHECKED = "hello.view";

    private BenchPermissions() {
    }

    static DeclaredPermissions declared() {
        DeclaredPermissions declared = new DeclaredPermissions();
        declared.declare(List.of(
                new DeclaredPermissions.Declaration("hello", Set.of("hello.view", "hello.greet"), Set.of("hello.view"), Set.of(),
                        Set.of("hello.view"), Set.of(), Set.of()),
                new DeclaredPermissions.Declaration("users", Set.of("users.members.view", "users.members.manage",
                        "users.support.use"), Set.of("users.members.view"), Set.of("users.members.view"),
                        Set.of("users.members.view"), Set.of(), Set.of("users.support.use"))));
        return declared;
    }
}
