package io.aisle.assistant;

import io.aisle.core.catalog.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** How the assistant writes amounts: "899.00 USD", the catalogue's own format, so the verifier can match them. */
final class Amounts {
    private Amounts() {}

    static String format(Money m) { return m.amount().toPlainString() + " " + m.currency(); }

    static String format(double amount, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(amount).setScale(digits, RoundingMode.HALF_UP).toPlainString() + " " + currency;
    }
}
