package dev.kontor.clients.internal.client;

import dev.kontor.api.rest.TextInput;
import dev.kontor.api.rest.ValidationException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A client's contact data, checked: what {@code clients_client} stores besides state and
 * bookkeeping. Every invalid field of a request is named at once, so a form shows all.
 *
 * @param description the internal comment (C2), null when there is none
 */
public record Contact(String name, String company, String email, String phone, String address, String language,
        String additionalInfo, String description) {

    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 254;
    static final int MAX_PHONE = 50;
    static final int MAX_ADDRESS = 1000;
    static final int MAX_TEXT = 4000;
    static final Set<String> LANGUAGES = Set.of("en", "de");
    private static final Pattern PHONE = Pattern.compile("[0-9+()./ -]{3,50}");

    /** The contact data of a new client; its language defaults to English. */
    static Contact of(NewClient request) {
        FieldErrors errors = new FieldErrors();
        Contact contact = new Contact(
                errors.check(() -> TextInput.required("name", request.name(), MAX_NAME)),
                errors.check(() -> TextInput.optional("company", request.company(), MAX_NAME)),
                errors.check(() -> email(request.email())),
                errors.check(() -> phone(request.phone())),
                errors.check(() -> TextInput.multiline("address", request.address(), MAX_ADDRESS)),
                errors.check(() -> language(request.language() == null ? "en" : request.language())),
                errors.check(() -> TextInput.multiline("additional_info", request.additionalInfo(), MAX_TEXT)),
                errors.check(() -> TextInput.multiline("description", request.description(), MAX_TEXT)));
        errors.check(() -> TextInput.required("username", request.username(), MAX_NAME));
        errors.check(() -> request.password() == null || request.password().isEmpty()
                ? invalid("password", "required") : request.password());
        errors.throwIfAny();
        return contact;
    }

    /** This contact data with the given fields of a change; {@code ""} clears an optional field. */
    Contact changedBy(ClientChange change) {
        FieldErrors errors = new FieldErrors();
        Contact changed = new Contact(
                change.name() == null ? name : errors.check(() -> TextInput.required("name", change.name(), MAX_NAME)),
                change.company() == null ? company : errors.check(() -> TextInput.optional("company", change.company(), MAX_NAME)),
                change.email() == null ? email : errors.check(() -> email(change.email())),
                change.phone() == null ? phone : errors.check(() -> phone(change.phone())),
                change.address() == null ? address
                        : errors.check(() -> TextInput.multiline("address", change.address(), MAX_ADDRESS)),
                change.language() == null ? language : errors.check(() -> language(change.language())),
                change.additionalInfo() == null ? additionalInfo
                        : errors.check(() -> TextInput.multiline("additional_info", change.additionalInfo(), MAX_TEXT)),
                change.description() == null ? description
                        : errors.check(() -> TextInput.multiline("description", change.description(), MAX_TEXT)));
        if (change.username() != null) {
            errors.check(() -> TextInput.required("username", change.username(), MAX_NAME));
        } else if (change.password() != null) {
            errors.check(() -> invalid("username", "required with a new password: the owner's login name, or a new one"));
        }
        if (change.password() != null && change.password().isEmpty()) {
            errors.check(() -> invalid("password", "must not be empty; leave it out to keep the password"));
        }
        errors.throwIfAny();
        return changed;
    }

    /** The organization's name for the client's account: the company, or the person. */
    String accountName() {
        return company == null ? name : company;
    }

    /**
     * A plausible address, stripped: one {@code @} with text before, a domain with a dot
     * after, no white space or control characters.
     */
    static String email(String value) {
        return email("email", value);
    }

    /** Like {@link #email(String)}, for an address in another field. */
    public static String email(String field, String value) {
        String text = TextInput.optional(field, value, MAX_EMAIL);
        int at = text == null ? -1 : text.lastIndexOf('@');
        if (at < 1 || text.chars().anyMatch(Character::isWhitespace) || !domain(text.substring(at + 1))) {
            throw new ValidationException(field, "a valid e-mail address");
        }
        return text;
    }

    private static boolean domain(String domain) {
        int dot = domain.lastIndexOf('.');
        return dot > 0 && dot < domain.length() - 1 && !domain.contains("@");
    }

    private static String phone(String value) {
        String text = TextInput.optional("phone", value, MAX_PHONE);
        if (text != null && !PHONE.matcher(text).matches()) {
            throw new ValidationException("phone", "digits, spaces and + ( ) . / -, 3 to " + MAX_PHONE + " characters");
        }
        return text;
    }

    private static String language(String value) {
        if (!LANGUAGES.contains(value)) {
            throw new ValidationException("language", "en or de");
        }
        return value;
    }

    private static String invalid(String field, String message) {
        throw new ValidationException(field, message);
    }
}
