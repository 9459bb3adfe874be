package io.aisle.content.compose;

import io.aisle.content.ContentKind;
import io.aisle.core.port.GeneratedText;
import io.aisle.core.port.GenerationException;
import io.aisle.core.port.GenerationRequest;
import io.aisle.core.port.GroundingFact;
import io.aisle.core.port.TextGenerator;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in, offline, deterministic text generator: composes copy from the request's grounding facts with the
 * phrase patterns of the request's language ({@link Phrasebook}). It states only fact values and the fixed words of
 * its patterns, so its copy is grounded by construction (the gates still check it). The seed picks among phrasings
 * and sentence orders, which is how candidates and refinement rounds differ. Thread-safe.
 */
public final class Composer implements TextGenerator {
    public static final String BACKEND = "composer";

    private final Map<String, Phrasebook> books = new ConcurrentHashMap<>();

    @Override public String backend() { return BACKEND; }

    @Override public GeneratedText generate(GenerationRequest request) {
        Phrasebook book = books.computeIfAbsent(request.locale().getLanguage(), l -> Phrasebook.forLocale(request.locale()));
        ContentKind kind = ContentKind.fromWire(request.task())
                .orElseThrow(() -> new GenerationException("the composer cannot write '" + request.task() + "'; it writes "
                        + ContentKind.allWireNames()));
        Slots slots = new Slots(book, request);
        String text = switch (kind) {
            case DESCRIPTION -> description(book, slots, request);
            case BULLETS -> bullets(book, slots, request);
            case SEO_TITLE -> firstFitting(book, "seo_title", slots.map, kind.minChars(), request.maxChars(), request.seed(), slots.get("name"));
            case META_DESCRIPTION -> meta(book, slots, request);
            case EMAIL_SNIPPET -> email(book, slots, request);
            case CATEGORY_INTRO -> categoryIntro(book, request);
            case COMPARISON -> comparison(book, request);
        };
        return new GeneratedText(text, BACKEND, 0);
    }

    private static String description(Phrasebook book, Slots slots, GenerationRequest request) {
        long seed = request.seed();
        Random random = new Random(seed);
        String opener = fillPick(book, "description.opener", slots.map, seed);
        if (opener == null) opener = slots.get("name") + ".";
        List<String> middle = new ArrayList<>();
        String use = fillPick(book, "description.use", slots.map, seed >>> 3);
        if (use != null) middle.add(use);
        else {
            addIf(middle, fillPick(book, "description.climate", slots.map, seed >>> 3));
            addIf(middle, fillPick(book, "description.activity", slots.map, seed >>> 5));
        }
        addIf(middle, fillPick(book, "description.style", slots.map, seed >>> 7));
        addIf(middle, fillPick(book, "description.gender", slots.map, seed >>> 9));
        for (Map<String, String> feature : slots.features()) addIf(middle, fillPick(book, "description.feature", feature, seed >>> 11));
        String options = fillPick(book, "description.options", slots.map, seed >>> 13);
        if (options != null) middle.add(options);
        else {
            addIf(middle, fillPick(book, "description.colours", slots.map, seed >>> 13));
            addIf(middle, fillPick(book, "description.sizes", slots.map, seed >>> 15));
        }
        Collections.shuffle(middle, random);
        List<String> optional = new ArrayList<>();
        addIf(optional, fillPick(book, "description.flags", slots.map, seed >>> 17));
        addIf(optional, fillPick(book, "description.distinctive", slots.map, seed >>> 19));
        addIf(optional, fillPick(book, "description.closer", slots.map, seed >>> 21));
        // Optional sentences go first when the text must be shorter; required ones stay.
        while (true) {
            List<String> all = new ArrayList<>();
            all.add(opener);
            all.addAll(middle);
            all.addAll(optional);
            String text = String.join(" ", all);
            if (text.length() <= request.maxChars() || (optional.isEmpty() && middle.isEmpty())) return text;
            if (!optional.isEmpty()) optional.remove(optional.size() - 1);
            else middle.remove(middle.size() - 1);
        }
    }

    private static String bullets(Phrasebook book, Slots slots, GenerationRequest request) {
        List<String> lines = new ArrayList<>();
        for (String key : List.of("bullets.material", "bullets.pattern", "bullets.colours", "bullets.sizes")) {
            addIf(lines, Phrasebook.fill(book.pick(key, 0), slots.map));
        }
        String activities = Phrasebook.fill(book.pick("bullets.activities", 0), slots.map);
        String climates = Phrasebook.fill(book.pick("bullets.climates", 0), slots.map);
        if (activities != null && climates != null) lines.add(activities + "; " + Character.toLowerCase(climates.charAt(0)) + climates.substring(1));
        else { addIf(lines, activities); addIf(lines, climates); }
        List<String> extra = new ArrayList<>();
        addIf(extra, Phrasebook.fill(book.pick("bullets.style", 0), slots.map));
        addIf(extra, Phrasebook.fill(book.pick("bullets.gender", 0), slots.map));
        for (Map<String, String> f : slots.features()) addIf(extra, Phrasebook.fill(book.pick("bullets.feature", 0), f));
        addIf(extra, Phrasebook.fill(book.pick("bullets.flags", 0), slots.map));
        Collections.shuffle(extra, new Random(request.seed()));
        for (String e : extra) if (lines.size() < ContentKind.BULLETS.maxLines()) lines.add(e);
        while (String.join("\n", lines).length() > request.maxChars() && lines.size() > 1) lines.remove(lines.size() - 1);
        return String.join("\n", lines);
    }

    private static String meta(Phrasebook book, Slots slots, GenerationRequest request) {
        Map<String, String> withColours = new LinkedHashMap<>(slots.map);
        List<Map<String, String>> features = slots.features();
        String featureSentence = features.isEmpty() ? "" : capital(features.get(0).get("values")) + ". ";
        withColours.put("features_sentence", featureSentence);
        String colours = slots.get("colours");
        withColours.put("Colours_sentence", colours == null ? "" : capital(colours) + ". ");
        withColours.put("colours_sentence", withColours.get("Colours_sentence"));
        Map<String, String> without = new LinkedHashMap<>(slots.map);
        without.put("Colours_sentence", "");
        without.put("colours_sentence", "");
        without.put("features_sentence", featureSentence);
        int min = ContentKind.META_DESCRIPTION.minChars();
        String text = firstFitting(book, "meta", withColours, min, request.maxChars(), request.seed(), null);
        if (text == null) text = firstFitting(book, "meta", without, min, request.maxChars(), request.seed(), null);
        if (text == null) text = firstFitting(book, "meta", without, 0, request.maxChars(), request.seed(), null);
        if (text == null) text = clip(slots.get("name") + (slots.get("price") == null ? "" : ". " + slots.get("price")) + ".", request.maxChars());
        return text;
    }

    private static String email(Phrasebook book, Slots slots, GenerationRequest request) {
        String segment = request.value("segment");
        String key = !segment.isEmpty() && book.has("email." + segment) ? "email." + segment : "email.default";
        int min = ContentKind.EMAIL_SNIPPET.minChars();
        String text = firstFitting(book, key, slots.map, min, request.maxChars(), request.seed(), null);
        if (text == null) text = firstFitting(book, "email.default", slots.map, 0, request.maxChars(), request.seed(), slots.get("name"));
        return text;
    }

    private static String categoryIntro(Phrasebook book, GenerationRequest request) {
        Map<String, String> s = new LinkedHashMap<>();
        put(s, "category", request.value("category").toLowerCase(Locale.ROOT));
        put(s, "count", request.value("count"));
        put(s, "materials", book.list(request.values("material")));
        put(s, "activities", book.list(lower(request.values("activity"))));
        put(s, "climates", book.list(lower(request.values("climate"))));
        put(s, "min", money(request.value("price_min"), request.value("currency"), request.locale()));
        put(s, "max", money(request.value("price_max"), request.value("currency"), request.locale()));
        put(s, "names", book.list(request.values("name")));
        long seed = request.seed();
        List<String> parts = new ArrayList<>();
        addIf(parts, fillPick(book, "category.opener", s, seed));
        addIf(parts, fillPick(book, "category.use", s, seed >>> 2));
        if (!request.value("price_min").equals(request.value("price_max"))) addIf(parts, fillPick(book, "category.prices", s, seed >>> 4));
        addIf(parts, fillPick(book, "category.highlights", s, seed >>> 6));
        while (String.join(" ", parts).length() > request.maxChars() && parts.size() > 1) parts.remove(parts.size() - 1);
        return String.join(" ", parts);
    }

    private static String comparison(Phrasebook book, GenerationRequest request) {
        Map<String, List<GroundingFact>> bySubject = new LinkedHashMap<>();
        for (GroundingFact f : request.facts()) if (!f.subject().isEmpty()) bySubject.computeIfAbsent(f.subject(), k -> new ArrayList<>()).add(f);
        if (bySubject.size() < 2) throw new GenerationException("a comparison needs facts about 2 to 5 products, got " + bySubject.size());
        List<String> names = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        String cheapestName = null;
        BigDecimal cheapest = null;
        String currency = request.value("currency");
        for (List<GroundingFact> facts : bySubject.values()) {
            String name = first(facts, "name");
            names.add(name);
            String price = first(facts, "price");
            Map<String, String> s = new LinkedHashMap<>();
            put(s, "name", name);
            put(s, "price", money(price, currency, request.locale()));
            put(s, "materials", book.list(all(facts, "material")));
            put(s, "activities", book.list(lower(all(facts, "activity"))));
            put(s, "sizes", book.list(all(facts, "size")));
            s.put("activities_part", s.containsKey("activities") ? Phrasebook.fill(book.pick("comparison.activities_part", 0), s) : "");
            s.put("sizes_part", s.containsKey("sizes") ? Phrasebook.fill(book.pick("comparison.sizes_part", 0), s) : "");
            if (!s.containsKey("materials")) s.put("materials", name);
            addIf(lines, Phrasebook.fill(book.pick("comparison.line", 0), s));
            if (!price.isEmpty()) {
                BigDecimal p = new BigDecimal(price);
                if (cheapest == null || p.compareTo(cheapest) < 0) { cheapest = p; cheapestName = name; }
            }
        }
        List<String> out = new ArrayList<>();
        out.add(Phrasebook.fill(book.pick("comparison.header", request.seed()), Map.of("names", book.list(names))));
        out.addAll(lines);
        if (cheapestName != null) {
            out.add(Phrasebook.fill(book.pick("comparison.cheapest", 0),
                    Map.of("name", cheapestName, "price", money(cheapest.toPlainString(), currency, request.locale()))));
        }
        for (List<GroundingFact> facts : bySubject.values()) {
            String d = first(facts, "distinctive");
            if (!d.isEmpty()) out.add(Phrasebook.fill(book.pick("comparison.pick", 0), Map.of("name", first(facts, "name"), "distinctive", d.toLowerCase(Locale.ROOT))));
        }
        while (String.join("\n", out).length() > request.maxChars() && out.size() > 3) out.remove(out.size() - 1);
        return String.join("\n", out);
    }

    /** The slots of a per-product request, filled once from its facts. */
    private static final class Slots {
        final Map<String, String> map = new LinkedHashMap<>();
        private final Phrasebook book;
        private final GenerationRequest request;
        /** The request's own facts by name, read once: the composer asks for each several times. */
        private final Map<String, List<String>> own = new java.util.HashMap<>();

        Slots(Phrasebook book, GenerationRequest request) {
            this.book = book;
            this.request = request;
            for (GroundingFact f : request.facts()) {
                if (f.subject().isEmpty()) own.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f.value());
            }
            Locale locale = request.locale();
            put(map, "name", value("name"));
            String noun = value("noun");
            put(map, "noun", noun);
            put(map, "brand", value("brand"));
            put(map, "category", value("category").toLowerCase(locale));
            put(map, "price", money(value("price"), value("currency"), locale));
            put(map, "materials", book.list(values("material")));
            put(map, "colours", book.list(values("colour")));
            put(map, "colours_list", book.list(values("colour")));
            put(map, "sizes", book.list(values("size")));
            put(map, "activities", book.list(lower(values("activity"))));
            put(map, "climates", book.list(lower(values("climate"))));
            // A style that only repeats the noun ("tee" for a tee) says nothing.
            put(map, "styles", book.list(lower(values("style")).stream().filter(s -> !s.equals(noun.toLowerCase(locale))).toList()));
            put(map, "gender", book.list(lower(values("gender"))));
            put(map, "flags", book.list(values("flag")));
            String distinctive = value("distinctive").toLowerCase(locale);
            // Saying the pattern twice (in the opener and as what sets it apart) reads as filler.
            if (!distinctive.equals(value("pattern").toLowerCase(locale))) put(map, "distinctive", distinctive);
            String keyword = value("seo_term");
            put(map, "keyword", keyword.isEmpty() ? noun : keyword);
            String pattern = value("pattern").toLowerCase(locale);
            put(map, "pattern", pattern);
            String patternNoun = (pattern.isEmpty() ? "" : pattern + " ") + noun;
            put(map, "pattern_noun", patternNoun.strip());
            put(map, "a_pattern_noun", patternNoun.isBlank() ? "" : article(patternNoun) + " " + patternNoun);
        }

        String get(String key) { return map.get(key); }

        private List<String> values(String name) { return own.getOrDefault(name, List.of()); }

        private String value(String name) {
            List<String> v = own.get(name);
            return v == null ? "" : v.get(0);
        }

        /** One slot map per feature attribute: its label and values. */
        List<Map<String, String>> features() {
            Map<String, List<String>> byLabel = new LinkedHashMap<>();
            for (GroundingFact f : request.facts()) {
                if (f.subject().isEmpty() && f.name().startsWith("feature.")) {
                    byLabel.computeIfAbsent(f.name().substring(8).replace('_', ' '), k -> new ArrayList<>()).add(f.value());
                }
            }
            List<Map<String, String>> out = new ArrayList<>();
            byLabel.forEach((label, values) -> out.add(Map.of("label", label, "values", book.list(values))));
            return out;
        }
    }

    /** The first variant, starting from the seed's, whose text is {@code minChars..maxChars} long. */
    private static String firstFitting(Phrasebook book, String key, Map<String, String> slots, int minChars, int maxChars,
                                       long seed, String fallback) {
        List<String> variants = book.all(key);
        for (int i = 0; i < variants.size(); i++) {
            String text = Phrasebook.fill(variants.get((int) Math.floorMod(seed + i, (long) variants.size())), slots);
            if (text != null && text.strip().length() <= maxChars && text.strip().length() >= minChars) return text.strip();
        }
        return fallback == null ? null : clip(fallback, maxChars);
    }

    private static String fillPick(Phrasebook book, String key, Map<String, String> slots, long seed) {
        List<String> variants = book.all(key);
        if (variants.isEmpty()) return null;
        for (int i = 0; i < variants.size(); i++) {
            String text = Phrasebook.fill(variants.get((int) Math.floorMod(seed + i, (long) variants.size())), slots);
            if (text != null) return text;
        }
        return null;
    }

    private static String article(String phrase) {
        return "aeiou".indexOf(Character.toLowerCase(phrase.charAt(0))) >= 0 ? "an" : "a";
    }

    static String money(String amount, String currency, Locale locale) {
        if (amount == null || amount.isEmpty()) return "";
        NumberFormat f = NumberFormat.getCurrencyInstance(locale.getCountry().isEmpty() ? defaultRegion(locale) : locale);
        try {
            f.setCurrency(Currency.getInstance(currency.isEmpty() ? "USD" : currency));
        } catch (IllegalArgumentException e) {
            return amount + " " + currency;
        }
        return f.format(new BigDecimal(amount));
    }

    private static Locale defaultRegion(Locale locale) {
        return switch (locale.getLanguage()) {
            case "de" -> Locale.GERMANY;
            case "fr" -> Locale.FRANCE;
            case "es" -> Locale.of("es", "ES");
            default -> Locale.US;
        };
    }

    private static String clip(String text, int max) { return text.length() <= max ? text : text.substring(0, max).strip(); }

    private static String capital(String s) { return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1); }

    private static void addIf(List<String> list, String s) { if (s != null && !s.isBlank()) list.add(s); }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) map.put(key, value);
    }

    private static List<String> lower(List<String> values) { return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList(); }

    private static String first(List<GroundingFact> facts, String name) {
        return facts.stream().filter(f -> f.name().equals(name)).map(GroundingFact::value).findFirst().orElse("");
    }

    private static List<String> all(List<GroundingFact> facts, String name) {
        return facts.stream().filter(f -> f.name().equals(name)).map(GroundingFact::value).toList();
    }
}
