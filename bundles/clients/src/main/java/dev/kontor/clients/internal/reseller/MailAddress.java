package dev.kontor.clients.internal.reseller;

import dev.kontor.api.rest.TextInput;
import dev.kontor.api.rest.ValidationException;
import java.util.regex.Pattern;

/**
 * An address this package mails to: plain dot-atoms before the {@code @}, host names
 * after it. Stricter than what a client's contact address may be, so that queuing the
 * answer's mail never fails on an address accepted before.
 */
final class MailAddress {

    static final int MAX = 254;
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern ADDRESS = Pattern.compile(ATOM + "(\\." + ATOM + ")*@" + LABEL + "(\\." + LABEL + ")+");

    private MailAddress() {
    }

    /** The address, stripped. */
    static String required(String field, String value) {
        String text = TextInput.required(field, value, MAX);
        if (!ADDRESS.matcher(text).matches()) {
            throw new ValidationException(field, "a valid e-mail address");
        }
        return text;
    }

    /** Whether the text is an address {@link #required} accepts. */
    static boolean valid(String text) {
        return text != null && text.length() <= MAX && ADDRESS.matcher(text).matches();
    }
}
