package io.aisle.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.catalog.Money;
import io.aisle.core.shopper.AnonymousId;
import io.aisle.core.shopper.Consent;
import io.aisle.core.shopper.Shopper;
import io.aisle.core.shopper.ShopperUpdate;
import io.aisle.core.shopper.Trait;
import io.aisle.core.shopper.Traits;
import io.aisle.core.validation.Errors;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The wire form of a shopper: decoding a traits-and-consents update (every bad field named, limits checked against
 * what is already stored) and encoding the stored record with each trait's source and time.
 */
public final class ShopperJson {
    private static final Set<String> FIELDS = Set.of("traits", "consents", "source");
    private static final String PURPOSES = Arrays.stream(Consent.Purpose.values()).map(ShopperJson::wire)
            .sorted().collect(Collectors.joining(", "));

    /** A decoded update and the source its traits claim (stated by the shopper, or imported by the merchant). */
    public record Request(Trait.Source source, ShopperUpdate update) {}

    private final ObjectMapper mapper;

    public ShopperJson(ObjectMapper mapper) { this.mapper = mapper; }

    /**
     * Decodes {@code {"traits": {...}, "consents": {...}, "source": "stated"}} against the shopper as stored, so
     * that per-shopper limits and liked-versus-disliked conflicts are checked on the state the update would leave.
     * A trait set to null (or a brand list set to []) is removed.
     */
    public Decoded<Request> decodeUpdate(JsonNode body, Shopper current, Instant at) {
        Errors errors = new Errors();
        if (body == null || !body.isObject()) {
            errors.add("body", "must be a JSON object {\"traits\": {...}, \"consents\": {...}}");
            return Decoded.invalid(errors.list());
        }
        JsonFields f = new JsonFields(body, "", errors);
        f.rejectUnknown(FIELDS);
        Trait.Source source = source(f);
        JsonNode traits = f.object("traits", false);
        JsonNode consents = f.object("consents", false);
        if (!body.hasNonNull("traits") && !body.hasNonNull("consents")) errors.add("traits", "send traits, consents or both");
        List<Trait> put = new ArrayList<>();
        Set<String> removed = new LinkedHashSet<>();
        if (traits != null && source != null) new TraitReader(traits, source, at, current, errors, put, removed).read();
        List<Consent> decisions = consents == null ? List.of() : consents(consents, at, errors);
        if (errors.isEmpty()) resolveBrands(current, put, removed, source, at, errors);
        if (errors.isEmpty()) checkState(current, put, removed, errors);
        if (!errors.isEmpty()) return Decoded.invalid(errors.list());
        return Decoded.ok(new Request(source, new ShopperUpdate(put, removed, decisions)));
    }

    private static Trait.Source source(JsonFields f) {
        String s = f.string("source", false, 16);
        if (s == null) return f.has("source") ? null : Trait.Source.STATED;
        return switch (s) {
            case "stated" -> Trait.Source.STATED;
            case "imported" -> Trait.Source.IMPORTED;
            case "inferred" -> {
                f.error("source", "inferred traits are derived by the engine; send 'stated' or 'imported'");
                yield null;
            }
            default -> {
                f.error("source", "must be 'stated' or 'imported', got '" + JsonFields.abbreviate(s) + "'");
                yield null;
            }
        };
    }

    private static List<Consent> consents(JsonNode node, Instant at, Errors errors) {
        List<Consent> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = "consents." + key(e.getKey());
            Consent.Purpose purpose = purpose(e.getKey());
            if (purpose == null) {
                errors.add(field, "is not a consent purpose (known: " + PURPOSES + ")");
            } else if (!e.getValue().isBoolean()) {
                errors.add(field, "must be true or false");
            } else {
                out.add(new Consent(purpose, e.getValue().booleanValue(), at));
            }
        }
        return out;
    }

    private static Consent.Purpose purpose(String name) {
        for (Consent.Purpose p : Consent.Purpose.values()) if (wire(p).equals(name)) return p;
        return null;
    }

    /**
     * A brand liked and disliked in the same request is an error. A brand newly liked that the stored profile
     * dislikes (or the reverse) leaves the other list: the latest statement wins. Refusing instead would tell any
     * caller what the stored list holds.
     */
    private static void resolveBrands(Shopper current, List<Trait> put, Set<String> removed, Trait.Source source,
                                      Instant at, Errors errors) {
        Trait liked = find(put, Traits.LIKED_BRANDS);
        Trait disliked = find(put, Traits.DISLIKED_BRANDS);
        if (liked != null && disliked != null) {
            Set<String> likedKeys = Traits.list(liked.value()).stream().map(ShopperJson::fold).collect(Collectors.toSet());
            List<String> d = Traits.list(disliked.value());
            for (int i = 0; i < d.size(); i++) {
                if (likedKeys.contains(fold(d.get(i)))) {
                    errors.add("traits.disliked_brands[" + i + "]", "'" + d.get(i) + "' is also in liked_brands");
                }
            }
        } else if (liked != null) {
            drop(current, Traits.DISLIKED_BRANDS, Traits.list(liked.value()), put, removed, source, at);
        } else if (disliked != null) {
            drop(current, Traits.LIKED_BRANDS, Traits.list(disliked.value()), put, removed, source, at);
        }
    }

    private static void drop(Shopper current, String name, List<String> brands, List<Trait> put, Set<String> removed,
                             Trait.Source source, Instant at) {
        Trait stored = current.traits().get(name);
        if (stored == null || removed.contains(name)) return;
        Set<String> gone = brands.stream().map(ShopperJson::fold).collect(Collectors.toSet());
        List<String> before = Traits.list(stored.value());
        List<String> kept = before.stream().filter(b -> !gone.contains(fold(b))).toList();
        if (kept.size() == before.size()) return;
        if (kept.isEmpty()) removed.add(name);
        else put.add(new Trait(name, Traits.listValue(kept), source, at));
    }

    private static Trait find(List<Trait> traits, String name) {
        for (Trait t : traits) if (t.name().equals(name)) return t;
        return null;
    }

    /** Limits over the whole resulting state: trait and size counts. */
    private static void checkState(Shopper current, List<Trait> put, Set<String> removed, Errors errors) {
        Map<String, Trait> after = new HashMap<>(current.traits());
        removed.forEach(after::remove);
        put.forEach(t -> after.put(t.name(), t));
        if (after.size() > Traits.MAX_PER_SHOPPER) {
            errors.add("traits", "a shopper may hold at most " + Traits.MAX_PER_SHOPPER + " traits; this update would leave "
                    + after.size());
        }
        long sizes = after.keySet().stream().filter(n -> n.startsWith(Traits.SIZE_PREFIX)).count();
        if (sizes > Traits.MAX_SIZE_KINDS) {
            errors.add("traits.sizes", "a shopper may hold at most " + Traits.MAX_SIZE_KINDS + " size kinds; this update would leave " + sizes);
        }
    }

    static String fold(String brand) { return brand.toLowerCase(Locale.ROOT); }

    /** A JSON key as it may appear in an error's field path: long keys are cut so an error never echoes a huge one. */
    static String key(String name) { return JsonFields.abbreviate(name); }

    static String wire(Consent.Purpose p) { return p.name().toLowerCase(Locale.ROOT); }

    // ---- encoding ----

    /** {@code {"shopper_id", "traits", "consents", "linked_ids"}}: traits typed as sent, each with source and time. */
    public ObjectNode encode(Shopper s) {
        ObjectNode n = mapper.createObjectNode();
        n.put("shopper_id", s.id().value());
        n.set("traits", encodeTraits(s.traits()));
        ObjectNode consents = n.putObject("consents");
        for (Consent.Purpose p : Consent.Purpose.values()) {
            s.latest(p).ifPresent(c -> consents.putObject(wire(p)).put("granted", c.granted())
                    .put("recorded_at", c.recordedAt().toString()));
        }
        ArrayNode linked = n.putArray("linked_ids");
        s.anonymousIds().stream().map(AnonymousId::value).sorted().forEach(linked::add);
        return n;
    }

    /** Traits by wire name; sizes grouped under {@code sizes} by kind. */
    public ObjectNode encodeTraits(Map<String, Trait> traits) {
        ObjectNode out = mapper.createObjectNode();
        ObjectNode sizes = null;
        for (Trait t : new TreeMap<>(traits).values()) {
            String kind = Traits.sizeKind(t.name());
            if (kind != null) {
                if (sizes == null) sizes = out.putObject(Traits.SIZES);
                stamp(sizes.putObject(kind), t).put("value", t.value());
                continue;
            }
            ObjectNode entry = out.putObject(t.name());
            switch (t.name()) {
                case Traits.BUDGET -> budget(entry, t);
                case Traits.LIKED_BRANDS, Traits.DISLIKED_BRANDS -> {
                    ArrayNode list = entry.putArray("value");
                    Traits.list(t.value()).forEach(list::add);
                }
                default -> entry.put("value", t.value());
            }
            stamp(entry, t);
        }
        return out;
    }

    private void budget(ObjectNode entry, Trait t) {
        try {
            Money m = Traits.budget(t.value());
            entry.putObject("value").put("amount", m.amount()).put("currency", m.currency());
        } catch (RuntimeException e) {
            entry.put("value", t.value()); // not written through validation: shown as stored rather than hidden
        }
    }

    private static ObjectNode stamp(ObjectNode entry, Trait t) {
        return entry.put("source", t.source().name().toLowerCase(Locale.ROOT)).put("recorded_at", t.recordedAt().toString());
    }

    /** Reads the {@code traits} object of an update into traits to set and names to remove. */
    private static final class TraitReader {
        private final JsonNode traits;
        private final Trait.Source source;
        private final Instant at;
        private final Shopper current;
        private final Errors errors;
        private final List<Trait> put;
        private final Set<String> removed;

        TraitReader(JsonNode traits, Trait.Source source, Instant at, Shopper current, Errors errors, List<Trait> put,
                    Set<String> removed) {
            this.traits = traits;
            this.source = source;
            this.at = at;
            this.current = current;
            this.errors = errors;
            this.put = put;
            this.removed = removed;
        }

        void read() {
            if (traits.size() > Traits.MAX_PER_SHOPPER) {
                errors.add("traits", "must have at most " + Traits.MAX_PER_SHOPPER + " entries");
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = traits.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = e.getKey();
                JsonNode v = e.getValue();
                switch (name) {
                    case Traits.BUDGET -> budget(v);
                    case Traits.SIZES -> sizes(v);
                    case Traits.LIKED_BRANDS, Traits.DISLIKED_BRANDS -> brands(name, v);
                    default -> custom(name, v);
                }
            }
        }

        private void set(String name, String value) { put.add(new Trait(name, value, source, at)); }

        private void budget(JsonNode v) {
            String field = "traits.budget";
            if (v.isNull()) {
                removed.add(Traits.BUDGET);
                return;
            }
            if (!v.isObject()) {
                errors.add(field, "must be an object {\"amount\": 120, \"currency\": \"EUR\"} or null");
                return;
            }
            JsonFields f = new JsonFields(v, field, errors);
            f.rejectUnknown(Set.of("amount", "currency"));
            JsonNode rawAmount = f.raw("amount");
            BigDecimal amount = null;
            if (rawAmount == null) f.error("amount", "is required");
            else if (!rawAmount.isNumber()) f.error("amount", "must be a number");
            else amount = rawAmount.decimalValue();
            if (amount != null && amount.signum() <= 0) {
                f.error("amount", "must be greater than 0");
                amount = null;
            } else if (amount != null && amount.compareTo(Traits.MAX_BUDGET) > 0) {
                f.error("amount", "must be at most " + Traits.MAX_BUDGET.toPlainString());
                amount = null;
            }
            String currency = f.string("currency", true, 3);
            if (currency != null) {
                String problem = Money.currencyProblem(currency);
                if (problem != null) {
                    f.error("currency", problem);
                    currency = null;
                }
            }
            if (amount == null || currency == null) return;
            int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
            if (digits >= 0 && amount.stripTrailingZeros().scale() > digits) {
                f.error("amount", "has more than " + digits + " decimals for " + currency);
                return;
            }
            set(Traits.BUDGET, Traits.budgetValue(new Money(amount, currency)));
        }

        private void sizes(JsonNode v) {
            String field = "traits.sizes";
            if (v.isNull()) {
                current.traits().keySet().stream().filter(n -> n.startsWith(Traits.SIZE_PREFIX)).forEach(removed::add);
                return;
            }
            if (!v.isObject()) {
                errors.add(field, "must be an object of sizes by kind, e.g. {\"shoes\": \"EU 42\", \"tops\": \"M\"}, or null");
                return;
            }
            if (v.size() > Traits.MAX_SIZE_KINDS) {
                errors.add(field, "must have at most " + Traits.MAX_SIZE_KINDS + " kinds");
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String kind = e.getKey();
                String kindField = field + "." + key(kind);
                String problem = Traits.sizeKindProblem(kind);
                JsonNode size = e.getValue();
                if (problem != null) {
                    errors.add(kindField, problem);
                } else if (size.isNull()) {
                    removed.add(Traits.sizeName(kind));
                } else if (!size.isTextual()) {
                    errors.add(kindField, "must be a string such as \"EU 42\" or \"M\", or null");
                } else if ((problem = Traits.textProblem(size.textValue(), Traits.MAX_SIZE_VALUE)) != null) {
                    errors.add(kindField, problem);
                } else {
                    set(Traits.sizeName(kind), size.textValue());
                }
            }
        }

        private void brands(String name, JsonNode v) {
            String field = "traits." + name;
            if (v.isNull() || (v.isArray() && v.isEmpty())) {
                removed.add(name);
                return;
            }
            if (!v.isArray()) {
                errors.add(field, "must be an array of brand names, or null");
                return;
            }
            if (v.size() > Traits.MAX_BRANDS) {
                errors.add(field, "must have at most " + Traits.MAX_BRANDS + " brands");
                return;
            }
            List<String> brands = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            boolean ok = true;
            for (int i = 0; i < v.size(); i++) {
                JsonNode b = v.get(i);
                String at = field + "[" + i + "]";
                String problem = b.isTextual() ? Traits.textProblem(b.textValue(), Traits.MAX_BRAND) : "must be a brand name (a string)";
                if (problem == null) {
                    Integer first = seen.putIfAbsent(fold(b.textValue()), i);
                    if (first != null) problem = "repeats " + field + "[" + first + "]";
                }
                if (problem != null) {
                    errors.add(at, problem);
                    ok = false;
                } else {
                    brands.add(b.textValue());
                }
            }
            if (ok) set(name, Traits.listValue(brands));
        }

        private void custom(String name, JsonNode v) {
            String field = "traits." + key(name);
            String problem = Traits.customNameProblem(name);
            if (problem != null) {
                errors.add(field, problem + " (known traits: budget, sizes, liked_brands, disliked_brands)");
            } else if (v.isNull()) {
                removed.add(name);
            } else if (!v.isTextual()) {
                errors.add(field, "must be a string (custom traits hold text), or null");
            } else if ((problem = Traits.textProblem(v.textValue(), Traits.MAX_VALUE)) != null) {
                errors.add(field, problem);
            } else {
                set(name, v.textValue());
            }
        }
    }
}
