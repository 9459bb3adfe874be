package io.aisle.search.query;

import io.aisle.core.search.ParsedQuery.NumericConstraint;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds numeric constraints ("under $2000", "8-16gb", "at least 8 gb ram", "16gb+") in folded query text and decides
 * what each bounds: the price when a currency is named or no unit is given, else the catalogue's numeric attribute
 * that carries the unit (preferring one the query names, then one whose values span the number, then the commonest).
 */
final class NumericParser {

    /** A constraint and the folded span of the query it was read from. */
    record Match(NumericConstraint constraint, int start, int end) {}

    private enum Bound { UPPER, LOWER, BETWEEN, FROM, EXACT }

    /** A word sequence that announces a bound; {@code price} when it can only be about price ("cheaper than"). */
    private record Cue(Bound bound, boolean price, String[] words) {
        static Cue of(Bound bound, boolean price, String phrase) { return new Cue(bound, price, phrase.split(" ")); }
    }

    private static final List<Cue> CUES = List.of(
            Cue.of(Bound.UPPER, false, "under"), Cue.of(Bound.UPPER, false, "below"),
            Cue.of(Bound.UPPER, false, "less than"), Cue.of(Bound.UPPER, false, "less then"),
            Cue.of(Bound.UPPER, false, "lower than"), Cue.of(Bound.UPPER, false, "smaller than"),
            Cue.of(Bound.UPPER, true, "cheaper than"), Cue.of(Bound.UPPER, true, "less expensive than"),
            Cue.of(Bound.UPPER, false, "up to"), Cue.of(Bound.UPPER, false, "upto"), Cue.of(Bound.UPPER, false, "max"),
            Cue.of(Bound.UPPER, false, "maximum"), Cue.of(Bound.UPPER, false, "at most"),
            Cue.of(Bound.UPPER, false, "no more than"), Cue.of(Bound.UPPER, false, "not more than"),
            Cue.of(Bound.UPPER, false, "not over"), Cue.of(Bound.UPPER, false, "within"),
            Cue.of(Bound.UPPER, true, "budget"), Cue.of(Bound.UPPER, false, "< ="), Cue.of(Bound.UPPER, false, "= <"),
            Cue.of(Bound.UPPER, false, "<"),
            Cue.of(Bound.LOWER, false, "over"), Cue.of(Bound.LOWER, false, "above"),
            Cue.of(Bound.LOWER, false, "more than"), Cue.of(Bound.LOWER, false, "more then"),
            Cue.of(Bound.LOWER, false, "greater than"), Cue.of(Bound.LOWER, false, "higher than"),
            Cue.of(Bound.LOWER, false, "bigger than"), Cue.of(Bound.LOWER, false, "larger than"),
            Cue.of(Bound.LOWER, false, "at least"), Cue.of(Bound.LOWER, false, "min"),
            Cue.of(Bound.LOWER, false, "minimum"), Cue.of(Bound.LOWER, false, "starting at"),
            Cue.of(Bound.LOWER, false, "starting from"), Cue.of(Bound.LOWER, false, "no less than"),
            Cue.of(Bound.LOWER, false, "not less than"), Cue.of(Bound.LOWER, true, "pricier than"),
            Cue.of(Bound.LOWER, true, "more expensive than"), Cue.of(Bound.LOWER, false, "> ="),
            Cue.of(Bound.LOWER, false, "= >"), Cue.of(Bound.LOWER, false, ">"),
            Cue.of(Bound.BETWEEN, false, "between"), Cue.of(Bound.FROM, false, "from"));

    /** Words after a quantity that make it a bound ("16gb or more", "2kg max"). */
    private static final List<Cue> POSTFIX = List.of(
            Cue.of(Bound.LOWER, false, "or more"), Cue.of(Bound.LOWER, false, "and up"),
            Cue.of(Bound.LOWER, false, "and above"), Cue.of(Bound.LOWER, false, "or above"),
            Cue.of(Bound.LOWER, false, "and over"), Cue.of(Bound.LOWER, false, "or higher"),
            Cue.of(Bound.LOWER, false, "or greater"), Cue.of(Bound.LOWER, false, "or bigger"),
            Cue.of(Bound.LOWER, false, "plus"), Cue.of(Bound.LOWER, false, "minimum"), Cue.of(Bound.LOWER, false, "min"),
            Cue.of(Bound.LOWER, false, "+"),
            Cue.of(Bound.UPPER, false, "or less"), Cue.of(Bound.UPPER, false, "or lower"),
            Cue.of(Bound.UPPER, false, "and under"), Cue.of(Bound.UPPER, false, "and below"),
            Cue.of(Bound.UPPER, false, "or under"), Cue.of(Bound.UPPER, false, "or smaller"),
            Cue.of(Bound.UPPER, false, "max"), Cue.of(Bound.UPPER, false, "maximum"),
            Cue.of(Bound.UPPER, false, "at most"), Cue.of(Bound.UPPER, false, "tops"));

    private static final Map<String, String> CURRENCY_SYMBOLS = Map.of("$", "USD", "€", "EUR", "£", "GBP", "¥", "JPY");
    private static final Map<String, String> CURRENCY_WORDS = Map.ofEntries(
            Map.entry("usd", "USD"), Map.entry("dollar", "USD"), Map.entry("dollars", "USD"), Map.entry("bucks", "USD"),
            Map.entry("buck", "USD"), Map.entry("eur", "EUR"), Map.entry("euro", "EUR"), Map.entry("euros", "EUR"),
            Map.entry("gbp", "GBP"), Map.entry("quid", "GBP"), Map.entry("jpy", "JPY"), Map.entry("yen", "JPY"),
            Map.entry("cad", "CAD"), Map.entry("aud", "AUD"), Map.entry("chf", "CHF"), Map.entry("inr", "INR"));
    private static final MathContext SIGNIFICANT = new MathContext(10);

    private final Vocabulary vocabulary;

    NumericParser(Vocabulary vocabulary) { this.vocabulary = vocabulary; }

    /** A quantity as written: lexemes {@code [from, to)}; {@code unit} and {@code currency} may be null. */
    private record Amount(double value, Units.Unit unit, String currency, int from, int to) {}

    /** Which numeric attribute a quantity bounds, and how many name words beside it belong to the phrase. */
    private record Resolution(String attribute, Units.Unit unit, int wordsBefore, int wordsAfter) {}

    /** Every constraint in the text, left to right, spans not overlapping. */
    List<Match> parse(FoldedText text, List<Lexeme> lexemes, List<String> queryWords) {
        List<Match> out = new ArrayList<>();
        String currency = vocabulary.currency();
        int floor = 0;
        for (int i = 0; i < lexemes.size(); ) {
            Found found = tryAt(lexemes, i, floor, queryWords, currency);
            if (found == null) {
                i++;
                continue;
            }
            int start = lexemes.get(found.from()).start();
            int end = lexemes.get(found.to() - 1).end();
            NumericConstraint c = new NumericConstraint(found.attribute(), found.min(), found.max(), found.unit(),
                    text.originalOf(start, end));
            out.add(new Match(c, start, end));
            i = found.to();
            floor = found.to();
        }
        return out;
    }

    private record Found(String attribute, Double min, Double max, String unit, int from, int to) {}

    private Found tryAt(List<Lexeme> lex, int i, int floor, List<String> queryWords, String catalogueCurrency) {
        Cue cue = match(lex, i, CUES);
        int j = cue == null ? i : i + cue.words().length;
        Amount a = amount(lex, j, cue != null, catalogueCurrency);
        if (a == null) return null;
        if (cue == null || cue.bound() == Bound.BETWEEN || cue.bound() == Bound.FROM) {
            int q = a.to();
            if (q < lex.size() && (lex.get(q).isSymbol('-') || lex.get(q).isWord("to")
                    || (cue != null && cue.bound() == Bound.BETWEEN && lex.get(q).isWord("and")))) {
                Amount b = amount(lex, q + 1, true, catalogueCurrency);
                boolean marked = cue != null || a.unit() != null || a.currency() != null || b != null && (b.unit() != null || b.currency() != null);
                if (b != null && marked) {
                    return build(Bound.BETWEEN, cue, a, b, i, b.to(), floor, lex, queryWords, catalogueCurrency);
                }
            }
            if (cue != null && cue.bound() == Bound.BETWEEN) return null;
        }
        if (cue != null) {
            Bound bound = cue.bound() == Bound.FROM ? Bound.LOWER : cue.bound();
            return build(bound, cue, a, null, i, a.to(), floor, lex, queryWords, catalogueCurrency);
        }
        Cue post = match(lex, a.to(), POSTFIX);
        boolean bare = a.unit() == null && a.currency() == null;
        // One word after a bare number is too often a model name ("iphone 15 plus", "galaxy 10 max"); "+" must be
        // glued or end the query ("16gb +laptop" is Lucene syntax).
        if (post != null && (post.words().length > 1 || !bare && (!post.words()[0].equals("+")
                || lex.get(a.to()).glued() || a.to() + 1 == lex.size()))) {
            return build(post.bound(), post, a, null, i, a.to() + post.words().length, floor, lex, queryWords, catalogueCurrency);
        }
        if (a.unit() != null) {
            if (namesSomethingElse(lex, a)) return null;
            return build(Bound.EXACT, null, a, null, i, a.to(), floor, lex, queryWords, catalogueCurrency);
        }
        if (a.currency() != null) {
            return build(Bound.UPPER, null, a, null, i, a.to(), floor, lex, queryWords, catalogueCurrency); // "$500 laptop": a budget
        }
        return null;
    }

    /** "5g" or "4k" glued together may be an attribute value or flag ("5G" phones), not a quantity. */
    private boolean namesSomethingElse(List<Lexeme> lex, Amount a) {
        if (a.to() - a.from() != 2 || !lex.get(a.from() + 1).glued()) return false;
        String glued = lex.get(a.from()).text() + lex.get(a.from() + 1).text();
        return !vocabulary.valuesSpelled(glued).isEmpty() || vocabulary.brand(glued) != null;
    }

    private static Cue match(List<Lexeme> lex, int i, List<Cue> cues) {
        Cue best = null;
        for (Cue cue : cues) {
            String[] words = cue.words();
            if (i + words.length > lex.size()) continue;
            boolean all = true;
            for (int k = 0; k < words.length && all; k++) {
                Lexeme l = lex.get(i + k);
                all = l.kind() != Lexeme.Kind.NUMBER && l.text().equals(words[k]);
            }
            if (all && (best == null || words.length > best.words().length)) best = cue;
        }
        return best;
    }

    private Amount amount(List<Lexeme> lex, int j, boolean cued, String catalogueCurrency) {
        int p = j;
        String currency = null;
        if (p < lex.size()) {
            Lexeme first = lex.get(p);
            String code = first.kind() == Lexeme.Kind.SYMBOL ? CURRENCY_SYMBOLS.get(first.text())
                    : isCodePrefix(first) ? CURRENCY_WORDS.get(first.text()) : null;
            if (code != null) {
                currency = code;
                p++;
            }
        }
        if (p >= lex.size() || lex.get(p).kind() != Lexeme.Kind.NUMBER) return null;
        Lexeme number = lex.get(p);
        if (number.glued() && p > 0 && lex.get(p - 1).isSymbol('-') && (p - 1 == 0 || !lex.get(p - 1).glued())) {
            return null; // a minus sign, not the dash of a range: "-5 gb"
        }
        double value = number.number();
        p++;
        Units.Unit unit = null;
        if (p < lex.size() && lex.get(p).glued()) {
            Lexeme next = lex.get(p);
            if (next.kind() == Lexeme.Kind.WORD) {
                if (next.text().equals("k") && (cued || currency != null)) {
                    value *= 1000;
                    p++;
                } else if (currencyWord(next.text(), catalogueCurrency) != null) {
                    currency = currencyWord(next.text(), catalogueCurrency);
                    p++;
                } else {
                    Optional<Units.Unit> u = Units.of(next.text());
                    if (u.isEmpty()) return null; // "1e309", "3050ti", "4k" alone: not a quantity
                    unit = u.get();
                    p++;
                }
            } else if (next.kind() == Lexeme.Kind.SYMBOL) {
                if (next.text().equals("%")) return null; // a share, not an amount: "under 50%"
                if (next.text().equals("\"")) {
                    unit = Units.of("in").orElseThrow();
                    p++;
                } else if (CURRENCY_SYMBOLS.containsKey(next.text())) {
                    currency = CURRENCY_SYMBOLS.get(next.text());
                    p++;
                }
            }
        }
        if (unit == null && p < lex.size() && lex.get(p).kind() == Lexeme.Kind.WORD && !lex.get(p).glued()) {
            String w = lex.get(p).text();
            String code = currencyWord(w, catalogueCurrency);
            if (code != null) {
                if (currency == null) currency = code;
                p++;
            } else if (currency == null && !Units.gluedOnly(w) && Units.of(w).isPresent()) {
                unit = Units.of(w).get();
                p++;
            }
        }
        if (unit != null && currency != null) return null; // "$16gb": no reading is safe
        if (!Double.isFinite(value) || value < 0) return null;
        return new Amount(value, unit, currency, j, p);
    }

    private static boolean isCodePrefix(Lexeme l) {
        return l.kind() == Lexeme.Kind.WORD && (l.text().equals("usd") || l.text().equals("eur") || l.text().equals("gbp"));
    }

    /** The currency a word names after a number; "pounds" is money only where the catalogue sells in pounds. */
    private static String currencyWord(String w, String catalogueCurrency) {
        if ((w.equals("pound") || w.equals("pounds")) && "GBP".equals(catalogueCurrency)) return "GBP";
        return CURRENCY_WORDS.get(w);
    }

    private Found build(Bound bound, Cue cue, Amount a, Amount b, int from, int to, int floor, List<Lexeme> lex,
                        List<String> queryWords, String catalogueCurrency) {
        Units.Unit unit = a.unit() != null ? a.unit() : b == null ? null : b.unit();
        if (b != null && a.unit() != null && b.unit() != null && a.unit().dimension() != b.unit().dimension()) return null;
        String currency = a.currency() != null ? a.currency() : b == null ? null : b.currency();
        double lo = a.value();
        double hi = b == null ? a.value() : b.value();
        // a unit on one end of a range applies to the other: "8-16gb"
        if (b != null && a.unit() != null && b.unit() != null && !a.unit().equals(b.unit())) {
            hi = Units.convert(hi, b.unit(), a.unit()).map(Units.Interval::high).orElse(hi);
        }
        if (lo > hi) {
            double t = lo;
            lo = hi;
            hi = t;
        }
        boolean priceOnly = cue != null && cue.price();
        Resolution r = null;
        if (currency == null && !priceOnly) {
            r = resolve(unit, lo, lex, from, to, floor, queryWords);
            if (r == null && unit != null) return null; // a unit no catalogue attribute carries
        }
        if (r == null) {
            String priceUnit = catalogueCurrency != null ? catalogueCurrency : currency;
            return bounded("price", bound, new Units.Interval(lo, lo), new Units.Interval(hi, hi), priceUnit, from, to);
        }
        Units.Unit target = r.unit();
        String unitName = target != null ? target.symbol() : emptyToNull(vocabulary.unitOf(r.attribute()));
        return bounded(r.attribute(), bound, convert(lo, unit, target), convert(hi, unit, target), unitName,
                from - r.wordsBefore(), to + r.wordsAfter());
    }

    private static Units.Interval convert(double v, Units.Unit from, Units.Unit to) {
        if (from == null || to == null) return new Units.Interval(v, v);
        return Units.convert(v, from, to).orElse(new Units.Interval(v, v));
    }

    /**
     * The constraint for a bound: a lower bound takes the low reading of a converted value, an upper bound the high
     * one, so "at least 1tb" admits 1000 GB and "up to 1tb" admits 1024 GB.
     */
    private static Found bounded(String attribute, Bound bound, Units.Interval lo, Units.Interval hi, String unit,
                                 int from, int to) {
        Double min = bound == Bound.UPPER ? null : round(lo.low());
        Double max = bound == Bound.LOWER ? null : round(bound == Bound.UPPER ? lo.high() : hi.high());
        if (bound != Bound.UPPER && bound != Bound.LOWER && (min == null || max == null)) return null;
        if (min == null && max == null) return null;
        return new Found(attribute, min, max, unit, from, to);
    }

    private static Double round(double v) {
        if (!Double.isFinite(v)) return null;
        return new BigDecimal(v).round(SIGNIFICANT).doubleValue();
    }

    private static String emptyToNull(String s) { return s == null || s.isEmpty() ? null : s; }

    /**
     * The numeric attribute a quantity bounds. With a unit: attributes whose unit has the same dimension; without:
     * only an attribute named right beside the number ("ram over 16"). Returns null when none fits.
     */
    private Resolution resolve(Units.Unit unit, double value, List<Lexeme> lex, int from, int to, int floor,
                               List<String> queryWords) {
        Resolution best = null;
        int bestName = -1;
        boolean bestPlausible = false;
        long bestCount = -1;
        for (String attribute : vocabulary.numericAttributes()) {
            Units.Unit own = Units.of(vocabulary.unitOf(attribute)).orElse(null);
            if (unit != null && (own == null || own.dimension() != unit.dimension())) continue;
            List<String> name = FoldedText.words(attribute);
            if (name.isEmpty()) continue;
            NameMatch after = nameAfter(lex, to, name);
            NameMatch before = from - 1 >= floor ? nameBefore(lex, from - 1, name) : NameMatch.NONE;
            int nameScore;
            if (after.full() || before.full()) nameScore = 4;
            else if (after.lexemes() > 0 || before.lexemes() > 0) nameScore = 3;
            else if (queryWords.containsAll(name)) nameScore = 2;
            else if (queryWords.contains(name.get(0)) && isNameWord(name.get(0))) nameScore = 1;
            else nameScore = 0;
            if (unit == null && nameScore < 3) continue;
            boolean plausible = plausible(attribute, unit != null ? unit : own, value);
            long count = vocabulary.numericCount(attribute);
            boolean better = nameScore > bestName
                    || nameScore == bestName && (plausible && !bestPlausible
                    || plausible == bestPlausible && count > bestCount);
            if (better) {
                best = new Resolution(attribute, own, nameScore >= 3 ? before.lexemes() : 0, nameScore >= 3 ? after.lexemes() : 0);
                bestName = nameScore;
                bestPlausible = plausible;
                bestCount = count;
            }
        }
        if (best != null && best.wordsBefore() > 0 && best.wordsAfter() > 0) {
            best = new Resolution(best.attribute(), best.unit(), 0, best.wordsAfter()); // one side is enough
        }
        return best;
    }

    /** A word that can stand for its attribute alone ("screen" for screen_size): not a stop word, not too short. */
    private static boolean isNameWord(String w) { return w.length() >= 3 && !StopWords.isStopWord(w); }

    /** Lexemes beside a quantity that name an attribute; {@code full} when all the name's words are there. */
    private record NameMatch(int lexemes, boolean full) {
        static final NameMatch NONE = new NameMatch(0, false);
    }

    /** The attribute name right after position {@code at} ("16gb ram", "8gb of ram", "15 inch screen"). */
    private static NameMatch nameAfter(List<Lexeme> lex, int at, List<String> name) {
        int skip = at < lex.size() && lex.get(at).isWord("of") ? 1 : 0;
        int p = at + skip;
        int k = 0;
        while (k < name.size() && p + k < lex.size() && lex.get(p + k).isWord(name.get(k))) k++;
        if (k == name.size()) return new NameMatch(k + skip, true);
        if (k >= 1 && isNameWord(name.get(0))) return new NameMatch(1 + skip, false);
        return NameMatch.NONE;
    }

    /** The attribute name ending at position {@code at}, right before a quantity or its cue ("ram at least 16gb"). */
    private static NameMatch nameBefore(List<Lexeme> lex, int at, List<String> name) {
        int k = 0;
        while (k < name.size() && at - k >= 0 && lex.get(at - k).isWord(name.get(name.size() - 1 - k))) k++;
        if (k == name.size()) return new NameMatch(k, true);
        if (at >= 0 && lex.get(at).isWord(name.get(0)) && isNameWord(name.get(0))) return new NameMatch(1, false);
        return NameMatch.NONE;
    }

    /** Whether the catalogue's values of an attribute span {@code value} (given in {@code unit}). */
    private boolean plausible(String attribute, Units.Unit unit, double value) {
        double[] range = vocabulary.numericRange(attribute);
        if (range == null) return false;
        double a = unit == null ? value : value * unit.factor();
        double b = unit == null ? value : value * unit.binaryFactor();
        double lo = Math.min(a, b) * 0.999;
        double hi = Math.max(a, b) * 1.001;
        return hi >= range[0] && lo <= range[1];
    }
}
