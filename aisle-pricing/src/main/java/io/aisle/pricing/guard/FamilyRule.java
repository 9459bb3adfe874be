package io.aisle.pricing.guard;

import io.aisle.core.validation.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pack-size consistency within a family: a bigger pack never costs less in total than a smaller one, and never more
 * per unit. Both relations are transitive, so checking neighbours in size order covers every pair, and the joint
 * choice is an exact dynamic programme along that order.
 */
public final class FamilyRule {
    private FamilyRule() {}

    /** Whether a {@code big}-size pack at {@code bigPrice} is consistent with a {@code small}-size pack at {@code smallPrice}. */
    public static boolean consistent(double smallPrice, double smallSize, double bigPrice, double bigSize) {
        return bigPrice >= smallPrice - 1e-9 && bigPrice / bigSize <= smallPrice / smallSize + 1e-9;
    }

    /** Family members ordered by pack size; refuses two members of one size. */
    public static List<ProductInput> ordered(List<ProductInput> members) {
        List<ProductInput> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparingDouble(ProductInput::packSize));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).packSize().doubleValue() == sorted.get(i - 1).packSize().doubleValue())
                throw new ValidationException("products.pack_size", "family " + sorted.get(i).family() + " has two products of size "
                        + sorted.get(i).packSize() + " (" + sorted.get(i - 1).id() + ", " + sorted.get(i).id() + ")");
        }
        return sorted;
    }

    /** Names of the family rules that {@code prices} (by product id) break, one entry per offending product. */
    public static List<String> violations(List<ProductInput> members, Map<String, Double> prices) {
        List<ProductInput> sorted = ordered(members);
        List<String> out = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            ProductInput small = sorted.get(i - 1), big = sorted.get(i);
            double ps = prices.get(small.id()), pb = prices.get(big.id());
            if (pb < ps - 1e-9) out.add("family-total:" + big.id());
            if (pb / big.packSize() > ps / small.packSize() + 1e-9) out.add("family-per-unit:" + big.id());
        }
        return out;
    }

    /**
     * The candidate index per member (in {@code sorted} order) maximising the summed scores under the family rule.
     *
     * @throws InfeasibleGuardrailsException naming the first pair of neighbours with no consistent prices
     */
    public static int[] choose(List<ProductInput> sorted, List<List<Double>> candidates, List<double[]> scores) {
        int n = sorted.size();
        double[][] best = new double[n][];
        int[][] from = new int[n][];
        best[0] = scores.getFirst().clone();
        for (int i = 1; i < n; i++) {
            List<Double> cur = candidates.get(i), prev = candidates.get(i - 1);
            best[i] = new double[cur.size()];
            from[i] = new int[cur.size()];
            Arrays.fill(best[i], Double.NEGATIVE_INFINITY);
            boolean any = false;
            for (int c = 0; c < cur.size(); c++) {
                for (int p = 0; p < prev.size(); p++) {
                    if (best[i - 1][p] == Double.NEGATIVE_INFINITY) continue;
                    if (!consistent(prev.get(p), sorted.get(i - 1).packSize(), cur.get(c), sorted.get(i).packSize())) continue;
                    double v = best[i - 1][p] + scores.get(i)[c];
                    if (v > best[i][c]) { best[i][c] = v; from[i][c] = p; any = true; }
                }
            }
            if (!any) {
                ProductInput small = sorted.get(i - 1), big = sorted.get(i);
                throw new InfeasibleGuardrailsException(big.id(), List.of("family", "family-total", "family-per-unit"), String.format(Locale.ROOT,
                        "family %s: guardrails conflict: no prices of %s (size %s, %.2f..%.2f) and %s (size %s, %.2f..%.2f) keep the bigger pack "
                                + "no cheaper in total and no dearer per unit within their other guardrails",
                        big.family(), small.id(), small.packSize(), prev.getFirst(), prev.getLast(), big.id(), big.packSize(),
                        cur.getFirst(), cur.getLast()));
            }
        }
        int[] pick = new int[n];
        int arg = 0;
        for (int c = 1; c < best[n - 1].length; c++) if (best[n - 1][c] > best[n - 1][arg]) arg = c;
        pick[n - 1] = arg;
        for (int i = n - 1; i > 0; i--) pick[i - 1] = from[i][pick[i]];
        return pick;
    }
}
