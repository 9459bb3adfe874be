package io.aisle.core.catalog;

import io.aisle.core.validation.ValidationException;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** An amount in an ISO 4217 currency; never negative, never more precise than the currency allows. */
public record Money(BigDecimal amount, String currency) {
    public Money {
        Objects.requireNonNull(amount, "amount");
        String problem = currencyProblem(currency);
        if (problem != null) throw new ValidationException("currency", problem);
        if (amount.signum() < 0) throw new ValidationException("price", "must not be negative");
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        if (digits >= 0 && amount.stripTrailingZeros().scale() > digits) {
            throw new ValidationException("price", "has more than " + digits + " decimals for " + currency);
        }
        amount = amount.setScale(Math.max(digits, 0), java.math.RoundingMode.UNNECESSARY);
    }

    public static Money of(String amount, String currency) { return new Money(new BigDecimal(amount), currency); }

    /** Returns why a currency code is not usable, or null when it is a known ISO 4217 code. */
    public static String currencyProblem(String code) {
        if (code == null || code.isBlank()) return "is required";
        if (code.length() != 3 || !code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) return "must be a three-letter upper-case ISO 4217 code";
        try {
            Currency.getInstance(code);
            return null;
        } catch (IllegalArgumentException e) {
            return "'" + code + "' is not an ISO 4217 currency";
        }
    }

    @Override public String toString() { return amount.toPlainString() + " " + currency; }
}
