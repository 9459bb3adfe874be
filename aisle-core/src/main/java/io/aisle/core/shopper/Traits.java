package io.aisle.core.shopper;

import io.aisle.core.catalog.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The trait names Aisle understands (zero-party data a shopper states), their limits and how their values are kept
 * in a {@link Trait}'s text: budget as {@code "120.00 EUR"}, each size kind as its own trait {@code size.<kind>},
 * brand lists one brand per line. Other names are custom traits holding bounded text.
 */
public final class Traits {
    private Traits() {}

    public static final String BUDGET = "budget";
    public static final String LIKED_BRANDS = "liked_brands";
    public static final String DISLIKED_BRANDS = "disliked_brands";
    /** Wire field holding sizes per kind; stored as one trait per kind, named {@code size.<kind>}. */
    public static final String SIZES = "sizes";
    public static final String SIZE_PREFIX = "size.";

    public static final int MAX_NAME = 64;
    public static final int MAX_VALUE = 256;
    public static final int MAX_BRANDS = 50;
    public static final int MAX_BRAND = 100;
    public static final int MAX_SIZE_KINDS = 20;
    public static final int MAX_SIZE_KIND = 32;
    public static final int MAX_SIZE_VALUE = 32;
    /** Traits one shopper may hold in all (each size kind counts as one): bounds what a public key can store. */
    public static final int MAX_PER_SHOPPER = 100;
    public static final BigDecimal MAX_BUDGET = new BigDecimal("1000000000");

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /** Why a custom trait name is unusable, or null when it is fine. */
    public static String customNameProblem(String name) {
        if (name.isEmpty()) return "a trait name must not be empty";
        if (name.length() > MAX_NAME) return "a trait name must be at most " + MAX_NAME + " characters";
        if (!NAME.matcher(name).matches()) return "a trait name must be lower-case letters, digits and '_', starting with a letter";
        return null;
    }

    /** Why a size kind ({@code shoes}, {@code tops}) is unusable, or null when it is fine. */
    public static String sizeKindProblem(String kind) {
        if (kind.isEmpty()) return "a size kind must not be empty";
        if (kind.length() > MAX_SIZE_KIND) return "a size kind must be at most " + MAX_SIZE_KIND + " characters";
        if (!NAME.matcher(kind).matches()) return "a size kind must be lower-case letters, digits and '_', starting with a letter";
        return null;
    }

    /** Why a free-text value is unusable (blank, too long, control characters), or null when it is fine. */
    public static String textProblem(String value, int maxLength) {
        if (value.isBlank()) return "must not be blank";
        if (value.length() > maxLength) return "must be at most " + maxLength + " characters";
        if (!value.equals(value.strip())) return "must not start or end with whitespace";
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) return "must not contain control characters";
        }
        return null;
    }

    public static String sizeName(String kind) { return SIZE_PREFIX + kind; }

    /** The size kind of a {@code size.<kind>} trait name, or null for any other name. */
    public static String sizeKind(String name) {
        return name.startsWith(SIZE_PREFIX) ? name.substring(SIZE_PREFIX.length()) : null;
    }

    public static String budgetValue(Money budget) { return budget.toString(); }

    /** Reads a budget trait's value; throws IllegalArgumentException when it is not {@code "<amount> <currency>"}. */
    public static Money budget(String value) {
        int space = value.indexOf(' ');
        if (space < 0) throw new IllegalArgumentException("a budget is '<amount> <currency>', got '" + value + "'");
        return new Money(new BigDecimal(value.substring(0, space)), value.substring(space + 1));
    }

    /** Brands are kept one per line: a brand may hold commas and quotes but never a control character. */
    public static String listValue(List<String> entries) { return String.join("\n", entries); }

    public static List<String> list(String value) { return value.isEmpty() ? List.of() : List.of(value.split("\n", -1)); }
}
