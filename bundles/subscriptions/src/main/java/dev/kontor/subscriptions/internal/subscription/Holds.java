package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.TextInput;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.Ids;
import dev.kontor.subscriptions.internal.subscription.SubscriptionScope.Reached;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Suspension holds placed and lifted through the API (S2), under {@link LiftPolicy}.
 * Each change locks the subscription, writes the hold, lets {@link EffectiveState} decide
 * the state, appends the history entry and the audit entry, in one transaction.
 */
@Component(service = Holds.class)
public class Holds {

    static final int MAX_PUBLIC_NOTE = 1000;
    static final int MAX_INTERNAL_NOTE = 4000;
    /** The furthest a hold's own expiry may lie ahead. */
    static final Duration MAX_EXPIRY = Duration.ofDays(3660);

    private final Database database;
    private final AuditLog audit;
    private final SubscriptionScope scope;
    private final Clock clock;

    @Activate
    public Holds(@Reference Database database, @Reference AuditLog audit, @Reference SubscriptionScope scope) {
        this(database, audit, scope, Clock.systemUTC());
    }

    public Holds(Database database, AuditLog audit, SubscriptionScope scope, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.scope = scope;
        this.clock = clock;
    }

    /** The subscription's holds, in force and past, newest first, as the caller may see them. */
    public Page<HoldView> list(Caller caller, String subscriptionId, PageRequest page) {
        Instant now = now();
        String[] cursor = page.after() == null ? null : cursor(page.after());
        return database.inTransaction(connection -> {
            Reached reached = scope.found(connection, caller, subscriptionId);
            List<Hold> rows = HoldStore.page(connection, subscriptionId, cursor == null ? null : Instant.parse(cursor[0]),
                    cursor == null ? null : cursor[1], page.limit() + 1);
            Page<Hold> holds = page.toPage(rows, hold -> hold.placedAt() + "\n" + hold.id());
            return new Page<>(holds.items().stream().map(hold -> HoldView.of(hold, caller, reached.reach(),
                    reached.subscription().terminated(), now)).toList(), holds.nextCursor());
        });
    }

    /** One hold of the subscription as the caller may see it. */
    public HoldView read(Caller caller, String subscriptionId, String holdId) {
        Instant now = now();
        return database.inTransaction(connection -> {
            Reached reached = scope.found(connection, caller, subscriptionId);
            Hold hold = hold(connection, subscriptionId, holdId);
            return HoldView.of(hold, caller, reached.reach(), reached.subscription().terminated(), now);
        });
    }

    /**
     * Places a hold (S2): the subscription is suspended from now on while it is in force,
     * whatever else holds it.
     *
     * @throws ValidationException for a reason that is none of the placeable ones, notes or expiry
     * @throws ProblemException 403 {@code hold-place-not-allowed} when the policy refuses the caller;
     *         409 for a terminated subscription, or a suspended one and the client's own user
     */
    public HoldView place(Caller caller, String subscriptionId, NewHold request) {
        if (request == null) {
            throw new ValidationException("reason", HoldReason.PLACEABLE);
        }
        HoldReason reason = placeable(request.reason());
        Instant now = now();
        String publicNote = TextInput.multiline("public_note", request.publicNote(), MAX_PUBLIC_NOTE);
        String internalNote = TextInput.multiline("internal_note", request.internalNote(), MAX_INTERNAL_NOTE);
        Instant expiresAt = expiry(request.expiresAt(), now);
        return database.inTransaction(connection -> {
            Reached reached = scope.locked(connection, caller, subscriptionId);
            Hold hold = placeIn(connection, caller, reached, reason, publicNote, internalNote, expiresAt, now);
            return HoldView.of(hold, caller, reached.reach(), false, now);
        });
    }

    /**
     * Lifts a hold (S2) if the policy lets the caller; the other holds stay in force.
     * Lifting a hold no longer in force changes nothing.
     *
     * @param note why, for the history; may be null
     * @throws ProblemException 403 {@code hold-lift-not-allowed} naming what lifts it instead; 409 when terminated
     */
    public Outcome lift(Caller caller, String subscriptionId, String holdId, String note) {
        String why = TextInput.multiline("note", note, MAX_PUBLIC_NOTE);
        Instant now = now();
        return database.inTransaction(connection -> {
            Reached reached = scope.locked(connection, caller, subscriptionId);
            Hold hold = hold(connection, subscriptionId, holdId);
            if (reached.subscription().terminated()) {
                throw SubscriptionScope.terminated();
            }
            if (!LiftPolicy.mayLift(hold.reason(), caller, reached.reach())) {
                throw LiftPolicy.liftRefused(hold.reason());
            }
            if (!hold.inForceAt(now)) {
                return Outcome.UNCHANGED;
            }
            liftIn(connection, caller, hold, why, now);
            return Outcome.DONE;
        });
    }

    /**
     * Suspends for a reason unless a hold of that reason is in force already (for bulk
     * suspension: repeating it changes nothing).
     */
    public Outcome suspend(Caller caller, String subscriptionId, HoldReason reason, String publicNote, String internalNote) {
        Instant now = now();
        return database.inTransaction(connection -> {
            Reached reached = scope.locked(connection, caller, subscriptionId);
            requirePlaceable(caller, reached, reason);
            if (HoldStore.inForce(connection, subscriptionId, now).stream().anyMatch(hold -> hold.reason() == reason)) {
                return Outcome.UNCHANGED;
            }
            placeIn(connection, caller, reached, reason, publicNote, internalNote, null, now);
            return Outcome.DONE;
        });
    }

    /** Lifts every hold of the reason in force, if the policy lets the caller (bulk activation). */
    public Outcome activate(Caller caller, String subscriptionId, HoldReason reason, String note) {
        Instant now = now();
        return database.inTransaction(connection -> {
            Reached reached = scope.locked(connection, caller, subscriptionId);
            if (reached.subscription().terminated()) {
                throw SubscriptionScope.terminated();
            }
            if (!LiftPolicy.mayLift(reason, caller, reached.reach())) {
                throw LiftPolicy.liftRefused(reason);
            }
            List<Hold> holds = HoldStore.inForce(connection, subscriptionId, now).stream()
                    .filter(hold -> hold.reason() == reason).toList();
            for (Hold hold : holds) {
                liftIn(connection, caller, hold, note, now);
            }
            return holds.isEmpty() ? Outcome.UNCHANGED : Outcome.DONE;
        });
    }

    /** The reason a request names, if it is one a request may place. */
    static HoldReason placeable(String wire) {
        return HoldReason.ofWire(wire == null ? null : wire.strip()).filter(reason -> !reason.cascade())
                .orElseThrow(() -> new ValidationException("reason", HoldReason.PLACEABLE));
    }

    private Hold placeIn(Connection connection, Caller caller, Reached reached, HoldReason reason, String publicNote,
            String internalNote, Instant expiresAt, Instant now) throws SQLException {
        requirePlaceable(caller, reached, reason);
        if (internalNote != null && !reached.reach().staff()) {
            throw new ValidationException("internal_note", "only the staff managing the client write internal notes");
        }
        String subscriptionId = reached.subscription().id();
        Hold hold = new Hold(Ids.newId("sh"), subscriptionId, reason, null, caller.userId(), caller.organizationId(), now,
                publicNote, internalNote, expiresAt, null, null, null);
        HoldStore.insert(connection, hold);
        EffectiveState.recompute(connection, subscriptionId, now);
        History.append(connection, subscriptionId, HistoryEntry.PLACED, hold, caller.userId(), internalNote, now);
        audit.record(caller, "subscriptions.hold.placed", "subscription:" + subscriptionId, AuditOutcome.SUCCESS,
                "hold " + hold.id() + ", reason " + reason.wire());
        return hold;
    }

    /** Terminated (409), then the policy (403), then the client's own users' hands off a suspended subscription (409). */
    private static void requirePlaceable(Caller caller, Reached reached, HoldReason reason) {
        if (reached.subscription().terminated()) {
            throw SubscriptionScope.terminated();
        }
        if (!LiftPolicy.mayPlace(reason, caller, reached.reach())) {
            throw LiftPolicy.placeRefused(reason);
        }
        SubscriptionScope.requireChangeable(reached);
    }

    private void liftIn(Connection connection, Caller caller, Hold hold, String note, Instant now) throws SQLException {
        HoldStore.lift(connection, hold.id(), now, caller.userId(), note);
        EffectiveState.recompute(connection, hold.subscriptionId(), now);
        History.append(connection, hold.subscriptionId(), HistoryEntry.LIFTED, hold, caller.userId(), note, now);
        audit.record(caller, "subscriptions.hold.lifted", "subscription:" + hold.subscriptionId(), AuditOutcome.SUCCESS,
                "hold " + hold.id() + ", reason " + hold.reason().wire());
    }

    private static Hold hold(Connection connection, String subscriptionId, String holdId) throws SQLException {
        Optional<Hold> hold = TextInput.plausibleId(holdId) ? HoldStore.find(connection, subscriptionId, holdId) : Optional.empty();
        return hold.orElseThrow(NotFoundException::new);
    }

    private static Instant expiry(String value, Instant now) {
        Instant expiresAt = Dates.instant("expires_at", value);
        if (expiresAt != null && (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(MAX_EXPIRY)))) {
            throw new ValidationException("expires_at", "in the future, at most ten years ahead");
        }
        return expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS);
    }

    private static String[] cursor(String value) {
        String[] parts = value.split("\n", -1);
        try {
            if (parts.length == 2 && TextInput.plausibleId(parts[1])) {
                Instant.parse(parts[0]);
                return parts;
            }
        } catch (DateTimeParseException e) {
            // falls through to the refusal
        }
        throw new ValidationException("cursor", "is not a cursor of this list");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
