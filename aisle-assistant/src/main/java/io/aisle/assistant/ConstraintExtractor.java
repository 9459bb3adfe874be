package io.aisle.assistant;

import io.aisle.core.search.ParsedQuery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads constraints from one message: price bounds and budgets with its own patterns (they must be exact, the
 * search's parse may treat them as soft), the rest (category, brands, attribute values, use cases, exclusions) from
 * what the search port understood of the same text, so the assistant and search agree on the catalogue's vocabulary.
 */
public final class ConstraintExtractor {
    private static final String AMOUNT = "(?:[$€£]\\s*)?(\\d{1,7}(?:[.,]\\d{1,2})?)(?!\\d)(?![.,]\\d)\\s*(k\\b)?(?:\\s*(?:dollars|usd|euros?|eur|pounds|gbp|bucks))?";
    private static final String NOT_UNIT = "(?!\\s*(?:gb|tb|mb|inch|in\\b|\"|mm|cm|hours?|h\\b|kg|g\\b|w\\b|mp\\b|hz|people|person|year|month|day|km|m\\b))";
    private static final Pattern BETWEEN = Pattern.compile("\\b(?:between|from)\\s+" + AMOUNT + "\\s*(?:and|to|-)\\s*" + AMOUNT + NOT_UNIT);
    private static final Pattern RANGE = Pattern.compile("[$€£]\\s*(\\d{1,7}(?:[.,]\\d{1,2})?)\\s*-\\s*[$€£]?\\s*(\\d{1,7}(?:[.,]\\d{1,2})?)");
    private static final Pattern MAX = Pattern.compile("(?:\\bnothing (?:over|above|more than)|\\bnot more than|\\bunder|\\bbelow|\\bless than|\\bcheaper than|\\bat most|\\bmax(?:imum)?|\\bup to"
            + "|\\bno more than|\\bwithin|\\bnot over|\\bbudget(?: is| of)?(?: about| around)?|\\bspend(?:ing)?(?: up to| about)?|\\bbelow|<=?)\\s*" + AMOUNT + NOT_UNIT);
    private static final Pattern MIN = Pattern.compile("(?:\\bover|\\babove|\\bmore than|\\bat least|\\bmin(?:imum)?|\\bstarting at|>=?)\\s*" + AMOUNT + NOT_UNIT);
    private static final Pattern AROUND = Pattern.compile("(?:\\baround|\\babout|\\broughly|\\bapproximately|~)\\s*" + AMOUNT + NOT_UNIT);
    private static final Pattern BARE_PRICE = Pattern.compile("[$€£]\\s*(\\d{1,7}(?:[.,]\\d{1,2})?)");
    private static final Pattern NEGATION = Pattern.compile("\\b(?:not|no|except|other than|without|exclude|excluding|avoid|anything but|don't like|dont like|do not like|hate|dislike)\\s+(?:any\\s+|the\\s+)?([a-z0-9][a-z0-9 &'-]{0,40})");
    private static final Pattern FOR_USE = Pattern.compile("\\bfor\\s+(?:a\\s+|an\\s+|the\\s+|my\\s+|some\\s+)?([a-z][a-z ]{2,30}?)(?=\\s+(?:under|below|with|and|that|which|around|about|in|please|between|up|less|from)\\b|[,.?!]|$)");
    private static final Set<String> NOT_USES = Set.of("me", "you", "it", "them", "her", "him", "us", "sale", "less", "under", "now", "today");
    private static final Pattern FILLER = Pattern.compile("^\\s*(?:hi|hello|hey)\\b[,!.]?|\\b(?:i'?m|i am|i'?d|i would|we are|we're)\\s+(?:looking|searching|shopping)\\s+for\\b|\\b(?:looking|searching|shopping)\\s+for\\b"
            + "|\\b(?:i|we)\\s+(?:want|need|would like|'d like)(?:\\s+to\\s+buy)?\\b|\\bcan you\\s+(?:find|show|recommend|suggest)(?:\\s+me)?\\b|\\b(?:show|find|get|give)\\s+me\\b"
            + "|\\bdo you (?:have|sell)\\b|\\bany good\\b|\\bplease\\b|\\bsome\\b|\\bwhat about\\b|\\bhow about\\b|\\binstead\\b|\\bonly\\b|\\bones?\\b|\\bmore\\b|\\banything\\b|\\bsomething\\b"
            + "|\\bwhat\\b|\\bdo you\\b|\\bhave\\b|\\bthose\\b|\\bthese\\b|\\bbut\\b|\\bin stock\\b|\\bcheaper\\b|\\boptions?\\b|\\bshow\\b");

    /** A message's constraints and what search understood of it. */
    public record Extracted(Constraints constraints, ParsedQuery parsed, boolean statedPrice) {}

    /** Whether the category guess is strong enough to filter by. */
    private static final double SURE_CATEGORY = 0.9;

    /**
     * @param parsed what the search port understood of {@code message} (its {@code query()}), or null when not searched
     */
    public Extracted extract(String message, ParsedQuery parsed) {
        String lower = message.toLowerCase(Locale.ROOT);
        StringBuilder rest = new StringBuilder(lower);
        Double min = null;
        Double max = null;
        Matcher m;
        if ((m = BETWEEN.matcher(lower)).find()) {
            min = amount(m.group(1), m.group(2));
            max = amount(m.group(3), m.group(4));
            blank(rest, m);
        } else if ((m = RANGE.matcher(lower)).find()) {
            min = amount(m.group(1), null);
            max = amount(m.group(2), null);
            blank(rest, m);
        } else {
            if ((m = MAX.matcher(rest)).find()) {
                max = amount(m.group(1), m.group(2));
                blank(rest, m);
            }
            if ((m = MIN.matcher(rest)).find()) {
                min = amount(m.group(1), m.group(2));
                blank(rest, m);
            }
            if (min == null && max == null && (m = AROUND.matcher(rest)).find()) {
                double v = amount(m.group(1), m.group(2));
                min = Math.floor(v * 0.8);
                max = Math.ceil(v * 1.2);
                blank(rest, m);
            }
            if (min == null && max == null && (m = BARE_PRICE.matcher(rest)).find()) {
                // "a $50 gift": about that much.
                double v = amount(m.group(1), null);
                min = Math.floor(v * 0.8);
                max = Math.ceil(v * 1.2);
                blank(rest, m);
            }
        }
        if (min != null && max != null && min > max) {
            double t = min;
            min = max;
            max = t;
        }
        List<String> brands = new ArrayList<>();
        List<String> notBrands = new ArrayList<>();
        List<String> negated = new ArrayList<>();
        Matcher neg = NEGATION.matcher(lower);
        while (neg.find()) negated.add(neg.group(1));
        if (parsed != null) {
            for (String b : parsed.brands()) {
                String bl = b.toLowerCase(Locale.ROOT);
                if (negated.stream().anyMatch(n -> n.startsWith(bl))) notBrands.add(b);
                else brands.add(b);
            }
        }
        String category = null;
        List<String> attributes = new ArrayList<>();
        String useCase = null;
        List<String> excluded = new ArrayList<>();
        if (parsed != null) {
            category = category(parsed, lower, !brands.isEmpty() || !notBrands.isEmpty());
            for (ParsedQuery.AttributeConstraint a : parsed.attributes()) {
                if (!a.values().isEmpty()) attributes.add(a.attribute() + "=" + a.values().get(0));
            }
            if (!parsed.useCases().isEmpty()) useCase = parsed.useCases().get(0).phrase();
            for (String e : parsed.excluded()) {
                String el = e.toLowerCase(Locale.ROOT);
                if (notBrands.stream().noneMatch(b -> b.equalsIgnoreCase(el))) excluded.add(e);
            }
        }
        if (useCase == null) {
            Matcher u = FOR_USE.matcher(FILLER.matcher(rest).replaceAll(" ").replaceAll("\\s+", " "));
            if (u.find() && !NOT_USES.contains(u.group(1).strip())) useCase = u.group(1).strip();
        }
        String query = clean(rest.toString(), notBrands);
        return new Extracted(new Constraints(query, category, min, max, brands, notBrands, attributes, useCase, excluded),
                parsed, min != null || max != null);
    }

    /**
     * The category to filter by: a guess of search's whose leaf the message names ("laptop" for Laptops), or, when
     * the message names no brand, a guess search is nearly sure of. A brand alone ("what about Orbion ones?") does not
     * name a category: the brand sells in several.
     */
    private static String category(ParsedQuery parsed, String lower, boolean brandNamed) {
        for (ParsedQuery.CategoryIntent c : parsed.categories()) {
            if (c.path().isEmpty()) continue;
            String leaf = c.path().get(c.path().size() - 1);
            if (namesCategory(lower, leaf)) return leaf;
        }
        if (brandNamed || parsed.categories().isEmpty()) return null;
        ParsedQuery.CategoryIntent top = parsed.categories().get(0);
        return top.confidence() >= SURE_CATEGORY && top.path().size() >= 2 ? top.path().get(top.path().size() - 1) : null;
    }

    /** Whether the text names the category: each word of its name, singular or plural ("office chair"). */
    static boolean namesCategory(String lower, String leaf) {
        for (String w : leaf.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.isEmpty()) continue;
            String stem = w.endsWith("es") && w.length() > 4 ? w.substring(0, w.length() - 2) : w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
            if (!Pattern.compile("\\b" + Pattern.quote(stem) + "(s|es)?\\b").matcher(lower).find()) return false;
        }
        return true;
    }

    /** The message with filler, negated brands and punctuation taken out: what is searched for. */
    static String clean(String lower, List<String> notBrands) {
        String s = FILLER.matcher(lower).replaceAll(" ");
        for (String b : notBrands) s = s.replace(b.toLowerCase(Locale.ROOT), " ");
        s = s.replaceAll("\\b(?:not|no|except|other than|without|exclude|excluding|avoid)\\s*$", " ");
        s = s.replaceAll("[^\\p{L}\\p{N}' -]", " ").replaceAll("\\b(?:a|an|the|for me|me|i|is|are|can|you|there|any|in|with|of)\\b", " ");
        LinkedHashSet<String> words = new LinkedHashSet<>();
        for (String w : s.strip().split("\\s+")) if (!w.isBlank() && !w.equals("-")) words.add(w);
        return String.join(" ", words);
    }

    /** What to search for a message: without greetings and filler ("hi, I'm shopping for"), which only add noise. */
    public static String searchText(String message) {
        String s = FILLER.matcher(message.toLowerCase(Locale.ROOT)).replaceAll(" ").replaceAll("\\s+", " ").strip();
        return s.length() > 500 ? s.substring(0, 500) : s;
    }

    private static double amount(String digits, String thousands) {
        double v = Double.parseDouble(digits.replace(',', '.'));
        return thousands != null && !thousands.isEmpty() ? v * 1000 : v;
    }

    private static void blank(StringBuilder s, Matcher m) {
        for (int i = m.start(); i < m.end(); i++) s.setCharAt(i, ' ');
    }
}
