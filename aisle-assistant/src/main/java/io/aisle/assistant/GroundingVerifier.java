package io.aisle.assistant;

import io.aisle.core.port.GroundingFact;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a generated answer against the facts it was written from: every product id, price, measured attribute value
 * and catalogue brand it states must be among the facts, and it must not talk about keys, prompts or configuration.
 * What it cannot read (free wording) it lets pass; the facts are the catalogue, so a passing answer names nothing the
 * catalogue does not hold.
 */
public final class GroundingVerifier {
    private static final Pattern ID = Pattern.compile("\\b[A-Z]{1,5}-?\\d{3,}\\b");
    private static final Pattern MONEY = Pattern.compile(
            "(?:([$€£])\\s?(\\d[\\d,]*(?:\\.\\d{1,2})?))|(?:\\b(\\d[\\d,]*(?:\\.\\d{1,2})?)\\s?(USD|EUR|GBP|CHF|JPY|dollars|euros|pounds)\\b)");
    private static final Pattern MEASURE = Pattern.compile(
            "\\b(\\d+(?:\\.\\d+)?)\\s?(GB|TB|MB|mm|cm|kg|g|h|hours|hrs|inch|inches|W|MP|Hz|mAh|ml)\\b");
    private static final Pattern UNSAFE = Pattern.compile(
            "(?i)\\b(api[\\s_-]?key|system prompt|password|secret|bearer|admin key|sk-[a-z0-9]{6,}|environment variable)");

    private final Function<String, List<String>> brandsNamed;

    /** @param brandsNamed the catalogue brands a text names (the search port's parse of it) */
    public GroundingVerifier(Function<String, List<String>> brandsNamed) { this.brandsNamed = brandsNamed; }

    /** What is wrong with {@code text} given {@code facts}; empty when it is grounded. */
    public List<String> check(String text, List<GroundingFact> facts) { return check(text, facts, true); }

    /**
     * As {@link #check(String, List)}; {@code brands} false skips the brand check, which asks the search port to read
     * the text: the built-in composer writes brands only from facts, so its answers need only the cheap checks.
     */
    public List<String> check(String text, List<GroundingFact> facts, boolean brands) {
        List<String> findings = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<Long> cents = new HashSet<>();
        Set<String> measures = new HashSet<>();
        Set<String> factBrands = new HashSet<>();
        for (GroundingFact f : facts) {
            if (!f.subject().isEmpty()) ids.add(f.subject());
            if (f.name().equals("price") || f.name().startsWith("budget")) amount(f.value()).ifPresent(cents::add);
            if (f.name().equals("brand")) factBrands.add(f.value().toLowerCase(Locale.ROOT));
            Matcher m = MEASURE.matcher(f.value());
            while (m.find()) measures.add(measure(m.group(1), m.group(2)));
        }
        Matcher id = ID.matcher(text);
        while (id.find()) {
            if (!ids.contains(id.group())) findings.add("product id " + id.group() + " is not one of the products given");
        }
        Matcher money = MONEY.matcher(text);
        while (money.find()) {
            String digits = money.group(2) != null ? money.group(2) : money.group(3);
            long c = Math.round(Double.parseDouble(digits.replace(",", "")) * 100);
            if (!cents.contains(c)) findings.add("price " + money.group().strip() + " is not a price of the products given");
        }
        Matcher measure = MEASURE.matcher(text);
        while (measure.find()) {
            if (!measures.contains(measure(measure.group(1), measure.group(2)))) {
                findings.add("value " + measure.group() + " is not an attribute value of the products given");
            }
        }
        for (String b : brands ? brandsNamed.apply(text) : List.<String>of()) {
            if (!factBrands.contains(b.toLowerCase(Locale.ROOT))) findings.add("brand " + b + " is not the brand of a product given");
        }
        Matcher unsafe = UNSAFE.matcher(text);
        if (unsafe.find()) findings.add("mentions '" + unsafe.group() + "', which the assistant never discusses");
        return findings;
    }

    private static java.util.Optional<Long> amount(String value) {
        Matcher m = Pattern.compile("(\\d[\\d,]*(?:\\.\\d+)?)").matcher(value);
        return m.find() ? java.util.Optional.of(Math.round(Double.parseDouble(m.group(1).replace(",", "")) * 100)) : java.util.Optional.empty();
    }

    private static String measure(String number, String unit) {
        String u = switch (unit) {
            case "hours", "hrs" -> "h";
            case "inch", "inches" -> "in";
            default -> unit;
        };
        double v = Double.parseDouble(number);
        return (v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v)) + " " + u;
    }
}
