package io.aisle.pricing;

import io.aisle.pricing.guard.FamilyRule;
import io.aisle.pricing.guard.PriceBounds;
import io.aisle.pricing.guard.ProductInput;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Chooses prices that maximise an objective over simulated demand scenarios, searching only ladder prices inside
 * every guardrail; families are priced jointly so pack sizes stay consistent. The search is exhaustive over the
 * candidates, so the result is the optimum on the ladder, not a local one.
 */
public final class PricingOptimizer {
    /** Normal 5% and 95% quantile, for the 90% elasticity interval. */
    private static final double Z90 = 1.6448536;
    private static final int CURVE_POINTS = 41;

    private final int scenarios;
    private final long seed;

    public PricingOptimizer(int scenarios, long seed) {
        if (scenarios < 1) throw new IllegalArgumentException("scenarios must be >= 1");
        this.scenarios = scenarios;
        this.seed = seed;
    }

    /**
     * Recommendations in the request's product order.
     *
     * @throws io.aisle.pricing.guard.InfeasibleGuardrailsException when a product's or family's guardrails cannot all hold
     */
    public List<Recommendation> recommend(PricingRequest request, Function<ProductInput, DemandModel> models,
                                          Function<ProductInput, MarketContext> contexts) {
        Map<String, List<ProductInput>> groups = new LinkedHashMap<>();
        for (ProductInput p : request.products()) groups.computeIfAbsent(p.family() == null ? "\u0000" + p.id() : p.family(), k -> new ArrayList<>()).add(p);
        Map<String, Recommendation> byId = new HashMap<>();
        for (List<ProductInput> group : groups.values()) {
            List<ProductInput> members = group.size() > 1 ? FamilyRule.ordered(group) : group;
            List<Priced> priced = new ArrayList<>();
            for (ProductInput p : members) priced.add(price(p, request, models.apply(p), contexts.apply(p)));
            int[] pick = new int[members.size()];
            if (members.size() > 1) {
                pick = FamilyRule.choose(members, priced.stream().map(Priced::candidates).toList(),
                        priced.stream().map(Priced::scores).toList());
            } else {
                pick[0] = priced.getFirst().argmax();
            }
            for (int i = 0; i < members.size(); i++) {
                byId.put(members.get(i).id(), priced.get(i).recommendation(pick[i], request));
            }
        }
        return request.products().stream().map(p -> byId.get(p.id())).toList();
    }

    /**
     * The recommendation of a price chosen elsewhere (a Thompson-sampling draw): its simulated outcome under the full
     * posterior and the guardrails that bind it.
     *
     * @throws IllegalArgumentException when {@code price} is not one of the product's guardrailed candidates
     */
    public Recommendation recommendAt(PricingRequest request, ProductInput product, double price, DemandModel model, MarketContext ctx) {
        Priced priced = price(product, request, model, ctx);
        int at = -1;
        for (int i = 0; i < priced.candidates().size(); i++) if (Math.abs(priced.candidates().get(i) - price) < 1e-9) at = i;
        if (at < 0) throw new IllegalArgumentException("price " + price + " is not an allowed price of product " + product.id());
        return priced.recommendation(at, request);
    }

    private Priced price(ProductInput p, PricingRequest request, DemandModel model, MarketContext ctx) {
        PriceBounds bounds = PriceBounds.of(p, request.asOf());
        List<Double> candidates = bounds.candidates();
        DemandScenarios sc = new DemandScenarios(model, ctx, scenarios, seed ^ p.id().hashCode());
        double stock = p.stock() == null ? Double.NaN : p.stock();
        double[] scores = new double[candidates.size()];
        for (int i = 0; i < scores.length; i++)
            scores[i] = sc.score(request.objective(), candidates.get(i), p.cost(), stock, request.cvarAlpha());
        return new Priced(p, bounds, candidates, scores, sc);
    }

    private record Priced(ProductInput product, PriceBounds bounds, List<Double> candidates, double[] scores, DemandScenarios scenarios) {
        int argmax() {
            int best = 0;
            for (int i = 1; i < scores.length; i++) if (scores[i] > scores[best]) best = i;
            return best;
        }

        Recommendation recommendation(int pick, PricingRequest request) {
            double price = candidates.get(pick);
            List<String> binding = new ArrayList<>(bounds.binding(price, candidates));
            if (product.family() != null && scores[pick] < scores[argmax()]) binding.add("family");
            double stock = product.stock() == null ? Double.NaN : product.stock();
            Double reference = price < product.currentPrice() - 1e-9 || product.guardrails().promotion() ? bounds.referencePrice() : null;
            DemandModel m = scenarios.model();
            return new Recommendation(product.id(), price, product.currentPrice(), reference, request.objective().name(),
                    scores[pick], scenarios.outcome(price, product.cost(), stock), m.elasticity(),
                    m.elasticity() - Z90 * m.elasticitySd(), m.elasticity() + Z90 * m.elasticitySd(), List.copyOf(binding), curve(price));
        }

        private List<CurvePoint> curve(double chosen) {
            double lo = Math.min(chosen, product.currentPrice()) * 0.6;
            double hi = Math.max(chosen, product.currentPrice()) * 1.5;
            List<CurvePoint> out = new ArrayList<>();
            for (int i = 0; i < CURVE_POINTS; i++) {
                double price = lo + (hi - lo) * i / (CURVE_POINTS - 1);
                Distribution band = scenarios.expectedUnitsBand(price);
                out.add(new CurvePoint(price, band.mean(), band.p10(), band.p90()));
            }
            return out;
        }
    }
}
