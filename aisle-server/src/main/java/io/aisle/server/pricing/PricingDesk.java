package io.aisle.server.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.pricing.DemandModel;
import io.aisle.pricing.MarketContext;
import io.aisle.pricing.PricingOptimizer;
import io.aisle.pricing.Recommendation;
import io.aisle.pricing.guard.ProductInput;
import io.aisle.pricing.learn.ThompsonPricer;
import io.aisle.server.api.PricingJson;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Where prices are proposed, approved and applied. A recommendation starts {@code proposed}; an approval moves it to
 * {@code approved} and an application to {@code applied}, each recorded with who, when, old and new price and why in
 * the {@link PricingLedger}, which is replayed at start so the state survives restarts.
 */
public final class PricingDesk {
    /** Scenarios per product: enough for stable p10/p90 at interactive speed. */
    static final int SCENARIOS = 500;
    /** With explore on, products whose elasticity sd exceeds this are priced by Thompson sampling. */
    static final double EXPLORE_ABOVE_SD = 0.3;
    /** Thompson exploration may cost at most this share of the posterior-mean best expected profit. */
    static final double MAX_EXPLORATION_LOSS = 0.05;

    /** Raised when a decision does not fit the recommendation's status (approve twice, apply before approval). */
    public static final class StateException extends RuntimeException {
        public StateException(String message) { super(message); }
    }

    private final PricingLedger ledger;
    private final PricingJson json;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final CatalogPrices catalog;
    private final Map<String, ObjectNode> recommendations = new LinkedHashMap<>();
    private final List<ObjectNode> audit = new ArrayList<>();
    private long sequence;

    public PricingDesk(PricingLedger ledger, PricingJson json, ObjectMapper mapper, Clock clock) {
        this(ledger, json, mapper, clock, CatalogPrices.NONE);
    }

    /** @param catalog where an applied price is written, so shoppers see it */
    public PricingDesk(PricingLedger ledger, PricingJson json, ObjectMapper mapper, Clock clock, CatalogPrices catalog) {
        this.ledger = ledger;
        this.json = json;
        this.mapper = mapper;
        this.clock = clock;
        this.catalog = catalog;
        for (JsonNode entry : ledger.read()) replay((ObjectNode) entry);
    }

    private void replay(ObjectNode entry) {
        String type = entry.path("type").asText();
        String id = entry.path("recommendation_id").asText();
        if (type.equals("recommended")) {
            recommendations.put(id, (ObjectNode) entry.get("recommendation"));
            sequence = Math.max(sequence, Long.parseLong(id.substring(id.lastIndexOf('-') + 1)));
        } else {
            ObjectNode rec = recommendations.get(id);
            if (rec != null) rec.put("status", type);
        }
        audit.add(entry);
    }

    /**
     * Prices the call's products and records each recommendation as proposed.
     *
     * @throws io.aisle.pricing.guard.InfeasibleGuardrailsException when a product's or family's guardrails conflict
     */
    public List<ObjectNode> recommend(PricingCall call) {
        List<Priced> recs = price(call); // outside the lock: pricing takes a while, recording does not
        return record(call, recs);
    }

    private synchronized List<ObjectNode> record(PricingCall call, List<Priced> recs) {
        List<ObjectNode> out = new ArrayList<>();
        String at = clock.instant().toString();
        for (Priced priced : recs) {
            Recommendation r = priced.recommendation();
            String id = "pr-" + (++sequence);
            ObjectNode n = mapper.createObjectNode().put("id", id);
            n.setAll(json.encode(r, priced.exploring()));
            n.put("as_of", call.request().asOf().toString());
            n.put("created_at", at);
            n.put("why", why(r, priced.exploring()));
            n.put("status", "proposed");
            ObjectNode entry = mapper.createObjectNode().put("type", "recommended").put("recommendation_id", id)
                    .put("product_id", r.productId()).put("by", "aisle").put("at", at)
                    .put("old_price", r.currentPrice()).put("new_price", r.price()).put("reason", why(r, priced.exploring()));
            entry.set("recommendation", n);
            ledger.append(entry);
            recommendations.put(id, n);
            audit.add(entry);
            out.add(n.deepCopy());
        }
        return out;
    }

    /**
     * Prices a call without recording anything: each product's curve learnt from its history, then the optimiser.
     *
     * @throws io.aisle.pricing.guard.InfeasibleGuardrailsException when a product's or family's guardrails conflict
     */
    public static List<Priced> price(PricingCall call) {
        HistoryModel history = new HistoryModel(call.priorElasticity(), call.priorSd());
        Map<String, DemandModel> models = new HashMap<>();
        for (PricedProduct p : call.products()) models.put(p.input().id(), history.fit(p));
        Function<ProductInput, MarketContext> neutral = p -> MarketContext.NEUTRAL;
        PricingOptimizer optimizer = new PricingOptimizer(SCENARIOS, 17);
        List<Recommendation> best = optimizer.recommend(call.request(), p -> models.get(p.id()), neutral);
        List<Priced> out = new ArrayList<>();
        for (int i = 0; i < best.size(); i++) {
            PricedProduct p = call.products().get(i);
            DemandModel model = models.get(p.input().id());
            // Learning while pricing: an uncertain product outside a family takes a Thompson draw's best price instead.
            if (call.explore() && p.input().family() == null && model.elasticitySd() > EXPLORE_ABOVE_SD) {
                SplittableRandom rng = new SplittableRandom(p.input().id().hashCode() * 31L + call.request().asOf().toEpochDay());
                double price = new ThompsonPricer(1, MAX_EXPLORATION_LOSS).choose(history.posterior(p), p.input(), call.request().asOf(),
                        x -> new double[]{1, Math.log(x / p.input().currentPrice())}, rng).price();
                out.add(new Priced(optimizer.recommendAt(call.request(), p.input(), price, model, MarketContext.NEUTRAL), true));
            } else {
                out.add(new Priced(best.get(i), false));
            }
        }
        return out;
    }

    /** A recommendation and whether it came from a Thompson draw (exploring) rather than the posterior mean. */
    public record Priced(Recommendation recommendation, boolean exploring) {}

    private static String why(Recommendation r, boolean exploring) {
        if (exploring) return String.format(java.util.Locale.ROOT, "exploring: best price of one draw from the uncertain "
                + "demand curve (elasticity %.2f [%.2f, %.2f]), within %.0f%% of the best expected profit; %s", r.elasticity(),
                r.elasticityLo(), r.elasticityHi(), MAX_EXPLORATION_LOSS * 100,
                r.bindingGuardrails().isEmpty() ? "no guardrail binding" : "held by " + String.join(", ", r.bindingGuardrails()));
        String binding = r.bindingGuardrails().isEmpty() ? "no guardrail binding" : "held by " + String.join(", ", r.bindingGuardrails());
        return String.format(java.util.Locale.ROOT, "best expected %s (%.2f) at elasticity %.2f [%.2f, %.2f]; %s",
                r.objective(), r.score(), r.elasticity(), r.elasticityLo(), r.elasticityHi(), binding);
    }

    public synchronized Optional<ObjectNode> find(String id) {
        return Optional.ofNullable(recommendations.get(id)).map(ObjectNode::deepCopy);
    }

    /** Newest first. */
    public synchronized List<ObjectNode> list() {
        List<ObjectNode> out = new ArrayList<>();
        recommendations.values().forEach(n -> out.add(n.deepCopy()));
        return out.reversed();
    }

    public ObjectNode approve(String id, String by, String reason) { return decide(id, "proposed", "approved", by, reason); }

    public ObjectNode apply(String id, String by, String reason) { return decide(id, "approved", "applied", by, reason); }

    private synchronized ObjectNode decide(String id, String from, String to, String by, String reason) {
        ObjectNode rec = recommendations.get(id);
        if (rec == null) return null;
        String status = rec.path("status").asText();
        if (!status.equals(from)) {
            throw new StateException("recommendation " + id + " is " + status + "; only a " + from + " one can be " + to);
        }
        ObjectNode entry = mapper.createObjectNode().put("type", to).put("recommendation_id", id)
                .put("product_id", rec.path("product_id").asText()).put("by", by).put("at", clock.instant().toString())
                .put("old_price", rec.path("current_price").asDouble()).put("new_price", rec.path("price").asDouble())
                .put("reason", reason.isBlank() ? rec.path("why").asText() : reason);
        if (to.equals("applied")) {
            // The catalogue first: a price recorded as applied must be the price shoppers see.
            boolean inCatalogue = catalog.set(entry.path("product_id").asText(), rec.path("price").decimalValue());
            entry.put("catalogue", inCatalogue ? "updated" : "not in catalogue");
        }
        ledger.append(entry);
        rec.put("status", to);
        audit.add(entry);
        return rec.deepCopy();
    }

    /** Audit entries (recommended, approved, applied) oldest first, optionally of one product. */
    public synchronized List<ObjectNode> audit(String productId) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode e : audit) {
            if (productId != null && !productId.equals(e.path("product_id").asText())) continue;
            ObjectNode copy = e.deepCopy();
            copy.remove("recommendation");
            out.add(copy);
        }
        return out;
    }
}
