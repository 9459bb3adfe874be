package io.aisle.assistant;

import io.aisle.core.catalog.Money;
import io.aisle.core.port.ShopperStore;
import io.aisle.core.shopper.Consent;
import io.aisle.core.shopper.Preferences;
import io.aisle.core.shopper.Shopper;
import io.aisle.core.shopper.ShopperId;
import io.aisle.core.shopper.Trait;
import io.aisle.core.shopper.Traits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Zero-party data: preferences a shopper states in the conversation ("my budget is 300", "I wear size 42 shoes",
 * "I love Sonorra", "I don't like Halden", "I mostly use it for running") become STATED traits of their profile when
 * they have granted the personalization purpose, and are read back for later searches. Without consent nothing is
 * written, and the reply says so.
 */
public final class PreferenceMemory {
    static final String USE_CASES = "use_cases";
    private static final Pattern BUDGET = Pattern.compile("\\bmy budget (?:is|of)\\s*(?:about |around |up to )?[$€£]?\\s*(\\d{1,7}(?:\\.\\d{1,2})?)");
    private static final Pattern SIZE = Pattern.compile("\\b(?:i wear|i take|my)\\s+(?:a\\s+)?(?:size\\s+([a-z0-9.]{1,5})\\s+(?:in\\s+)?([a-z]{3,16})|([a-z]{3,16})\\s+size\\s+is\\s+([a-z0-9.]{1,5}))");
    private static final Pattern LIKE = Pattern.compile("\\bi (?:really )?(?:love|like|prefer|always buy)\\s+([a-z0-9][a-z0-9 &'-]{1,40})");
    private static final Pattern DISLIKE = Pattern.compile("\\bi (?:really )?(?:don't like|dont like|do not like|hate|dislike|never buy|avoid)\\s+([a-z0-9][a-z0-9 &'-]{1,40})");
    private static final Pattern USE = Pattern.compile("\\bi (?:mostly |mainly |usually )?(?:use (?:it|them) for|need (?:it|them) for|do a lot of)\\s+([a-z][a-z ]{2,30})");

    private final ShopperStore shoppers;
    private final Clock clock;

    /** @param shoppers the profile store, or null when the assistant runs without one (benchmarks) */
    public PreferenceMemory(ShopperStore shoppers, Clock clock) {
        this.shoppers = shoppers;
        this.clock = clock;
    }

    /** The shopper's stated preferences, when they allowed personalization; none otherwise. */
    public Optional<Preferences> read(String shopperId) {
        if (shoppers == null) return Optional.empty();
        Optional<Shopper> s = shoppers.get(ShopperId.of(shopperId));
        return s.filter(x -> x.allows(Consent.Purpose.PERSONALIZATION)).map(Preferences::of);
    }

    /** Outcome of reading a message for preferences. */
    public record Stated(List<Trait> traits, boolean saved, boolean consentMissing) {
        public List<String> names() { return traits.stream().map(Trait::name).toList(); }
    }

    /**
     * Reads preferences from the message and saves them when allowed.
     *
     * @param brandsNamed catalogue brands the message names (from the search port's parse), to tell brands from words
     * @param currency    the catalogue's currency, for a budget; asked only when a budget is stated
     */
    public Stated remember(String shopperId, String message, java.util.function.Supplier<List<String>> brandsNamed,
                          java.util.function.Supplier<String> currency) {
        String lower = message.toLowerCase(Locale.ROOT);
        List<Trait> traits = new ArrayList<>();
        var now = clock.instant();
        Matcher m;
        if ((m = BUDGET.matcher(lower)).find() && currency.get() != null) {
            String code = currency.get();
            int digits = Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
            BigDecimal amount = new BigDecimal(m.group(1)).setScale(digits, RoundingMode.HALF_UP);
            if (amount.compareTo(Traits.MAX_BUDGET) <= 0) traits.add(new Trait(Traits.BUDGET, Traits.budgetValue(new Money(amount, code)), Trait.Source.STATED, now));
        }
        if ((m = SIZE.matcher(lower)).find()) {
            String size = m.group(1) != null ? m.group(1) : m.group(4);
            String kind = (m.group(2) != null ? m.group(2) : m.group(3)).replaceAll("s$", "");
            if (Traits.sizeKindProblem(kind) == null && Traits.textProblem(size, Traits.MAX_SIZE_VALUE) == null) {
                traits.add(new Trait(Traits.sizeName(kind), size.toUpperCase(Locale.ROOT), Trait.Source.STATED, now));
            }
        }
        // The search port is asked which words are brands only when the message states a like or dislike.
        boolean likes = LIKE.matcher(lower).find();
        boolean dislikes = DISLIKE.matcher(lower).find();
        List<String> brands = likes || dislikes ? brandsNamed.get() : List.of();
        List<String> liked = likes ? brandsIn(LIKE, lower, brands) : new ArrayList<>();
        List<String> disliked = dislikes ? brandsIn(DISLIKE, lower, brands) : new ArrayList<>();
        liked.removeAll(disliked);
        Optional<Preferences> before = shoppers == null ? Optional.empty() : shoppers.get(ShopperId.of(shopperId)).map(Preferences::of);
        if (!liked.isEmpty()) traits.add(brandTrait(Traits.LIKED_BRANDS, before.map(Preferences::likedBrands).orElse(List.of()), liked, disliked, now));
        if (!disliked.isEmpty()) traits.add(brandTrait(Traits.DISLIKED_BRANDS, before.map(Preferences::dislikedBrands).orElse(List.of()), disliked, liked, now));
        if ((m = USE.matcher(lower)).find()) {
            String use = m.group(1).strip();
            if (Traits.textProblem(use, Traits.MAX_VALUE) == null) traits.add(new Trait(USE_CASES, use, Trait.Source.STATED, now));
        }
        if (traits.isEmpty()) return new Stated(List.of(), false, false);
        if (shoppers == null) return new Stated(traits, false, true);
        boolean allowed = shoppers.get(ShopperId.of(shopperId)).map(s -> s.allows(Consent.Purpose.PERSONALIZATION)).orElse(false);
        if (!allowed) return new Stated(traits, false, true);
        shoppers.putTraits(ShopperId.of(shopperId), traits);
        return new Stated(traits, true, false);
    }

    private static Trait brandTrait(String name, List<String> existing, List<String> add, List<String> remove, java.time.Instant now) {
        LinkedHashSet<String> all = new LinkedHashSet<>(existing);
        all.removeAll(remove);
        all.addAll(add);
        List<String> list = new ArrayList<>(all);
        if (list.size() > Traits.MAX_BRANDS) list = list.subList(list.size() - Traits.MAX_BRANDS, list.size());
        return new Trait(name, Traits.listValue(list), Trait.Source.STATED, now);
    }

    private static List<String> brandsIn(Pattern p, String lower, List<String> brands) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(lower);
        while (m.find()) {
            String said = m.group(1);
            for (String b : brands) if (said.startsWith(b.toLowerCase(Locale.ROOT)) && !out.contains(b)) out.add(b);
        }
        return out;
    }
}
