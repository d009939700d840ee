package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.rest.ValidationException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * A price as the API writes it: a decimal amount as a string (never a binary fraction)
 * and an ISO 4217 currency, {@code {"amount":"12.50","currency":"EUR"}}. Stored as whole
 * minor units with the currency code, as every amount of the panel is.
 *
 * @param amount the amount in the currency's usual number of decimals
 * @param currency the upper-case ISO 4217 code
 */
public record Price(String amount, String currency) {

    /** The largest amount in minor units: far beyond any price, well inside a BIGINT. */
    static final long MAX_MINOR = 1_000_000_000_000_000L;
    /** At most 15 whole digits and 4 decimals: in minor units (at most 3 decimals) always inside a long. */
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,15}(\\.[0-9]{1,4})?");

    /**
     * The price a request names, checked: a known currency that has minor units, and an
     * amount of at most that many decimals, not negative.
     *
     * @throws ValidationException naming {@code price.amount} or {@code price.currency}
     */
    public static Price valid(Price given) {
        if (given == null) {
            return null;
        }
        Currency currency = currencyOf(given.currency);
        String text = given.amount == null ? "" : given.amount.strip();
        if (!DECIMAL.matcher(text).matches()) {
            throw new ValidationException("price.amount", "a decimal amount as a string, e.g. \"12.50\"");
        }
        BigDecimal amount = new BigDecimal(text);
        if (amount.scale() > currency.getDefaultFractionDigits()) {
            throw new ValidationException("price.amount", "at most " + currency.getDefaultFractionDigits()
                    + " decimals for " + currency.getCurrencyCode());
        }
        long minor = amount.movePointRight(currency.getDefaultFractionDigits()).longValueExact();
        if (minor > MAX_MINOR) {
            throw new ValidationException("price.amount", "is too large");
        }
        return ofMinor(minor, currency.getCurrencyCode());
    }

    /** The price of an amount in minor units. */
    public static Price ofMinor(long minorUnits, String currencyCode) {
        Currency currency = Currency.getInstance(currencyCode);
        return new Price(BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits()).toPlainString(), currencyCode);
    }

    /** The amount in minor units (cents for EUR). */
    public long minorUnits() {
        Currency currency = Currency.getInstance(this.currency);
        return new BigDecimal(amount).movePointRight(currency.getDefaultFractionDigits()).longValueExact();
    }

    private static Currency currencyOf(String code) {
        String text = code == null ? "" : code.strip();
        if (!text.matches("[A-Z]{3}")) {
            throw new ValidationException("price.currency", "an ISO 4217 code in capitals, e.g. EUR");
        }
        try {
            Currency currency = Currency.getInstance(text);
            if (currency.getDefaultFractionDigits() < 0) {
                throw new ValidationException("price.currency", "a currency with minor units, e.g. EUR");
            }
            return currency;
        } catch (IllegalArgumentException e) {
            throw new ValidationException("price.currency", "an ISO 4217 code in capitals, e.g. EUR");
        }
    }
}
