package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.rest.TextInput;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.subscriptions.SubscribedService;
import java.net.IDN;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The services a subscription holds (S1), checked: a {@code domain} or {@code website}
 * is a host name (internationalized names are kept in their ASCII form), a
 * {@code mailbox} an address at such a name. Names are kept in lower case (a mailbox's
 * local part as given), and each service appears once per subscription.
 */
final class ServiceNames {

    static final String DOMAIN = "domain";
    static final String WEBSITE = "website";
    static final String MAILBOX = "mailbox";
    /** Most services of one subscription. */
    static final int MAX_SERVICES = 200;

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");

    private ServiceNames() {
    }

    /**
     * The services of a request, checked and normalized, in the order given.
     *
     * @throws ValidationException naming {@code services[i].kind} or {@code services[i].name} for each bad one
     */
    static List<SubscribedService> valid(List<SubscribedService> given) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_SERVICES) {
            throw new ValidationException("services", "at most " + MAX_SERVICES + " services");
        }
        List<ValidationException.FieldError> errors = new ArrayList<>();
        List<SubscribedService> services = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String field = "services[" + i + "]";
            SubscribedService service = given.get(i);
            if (service == null) {
                errors.add(new ValidationException.FieldError(field, "an object with kind and name"));
                continue;
            }
            String kind = service.kind() == null ? "" : service.kind().strip();
            String name;
            switch (kind) {
                case DOMAIN, WEBSITE -> name = hostName(service.name());
                case MAILBOX -> name = mailbox(service.name());
                default -> {
                    errors.add(new ValidationException.FieldError(field + ".kind", "domain, website or mailbox"));
                    continue;
                }
            }
            if (name == null) {
                errors.add(new ValidationException.FieldError(field + ".name", kind.equals(MAILBOX)
                        ? "an e-mail address such as info@example.com" : "a host name such as example.com"));
            } else if (!seen.add(kind + " " + TextInput.searchKey(name))) {
                errors.add(new ValidationException.FieldError(field + ".name", "is listed twice"));
            } else {
                services.add(new SubscribedService(kind, name));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return List.copyOf(services);
    }

    /** A host name of at least two labels in lower-case ASCII, or null when it is none. */
    private static String hostName(String value) {
        if (value == null || value.isBlank() || value.length() > 253) {
            return null;
        }
        String ascii;
        try {
            ascii = IDN.toASCII(value.strip(), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        String[] labels = ascii.split("\\.", -1);
        if (ascii.length() > 253 || labels.length < 2 || labels[labels.length - 1].matches("[0-9]+")) {
            return null;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return null;
            }
        }
        return ascii;
    }

    /** A mailbox address with its domain normalized, or null when it is none. */
    private static String mailbox(String value) {
        if (value == null || value.length() > 320) {
            return null;
        }
        String text = value.strip();
        int at = text.lastIndexOf('@');
        if (at < 1 || at > 64 || !LOCAL_PART.matcher(text.substring(0, at)).matches()) {
            return null;
        }
        String domain = hostName(text.substring(at + 1));
        return domain == null ? null : text.substring(0, at) + "@" + domain;
    }
}
