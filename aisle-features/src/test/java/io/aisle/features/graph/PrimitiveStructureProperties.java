package io.aisle.features.graph;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The graph's hand-made structures behave like the obvious collections they replace. */
class PrimitiveStructureProperties {

    /** One operation on a map: put (value >= 0) or remove (value < 0) of a key drawn from a small set. */
    record Op(String key, int value) {}

    @Property(tries = 100)
    void string_int_map_agrees_with_a_hash_map(@ForAll("ops") List<Op> ops) {
        StringIntMap map = new StringIntMap();
        Map<String, Integer> model = new HashMap<>();
        for (Op op : ops) {
            if (op.value() >= 0) {
                map.put(op.key(), op.value());
                model.put(op.key(), op.value());
            } else {
                assertThat(map.remove(op.key())).isEqualTo(model.remove(op.key()) != null);
            }
            assertThat(map.size()).isEqualTo(model.size());
        }
        for (int k = 0; k < 64; k++) assertThat(map.get("k" + k)).isEqualTo(model.getOrDefault("k" + k, -1));
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        return Arbitraries.integers().between(0, 63).flatMap(k -> Arbitraries.integers().between(-3, 9)
                .map(v -> new Op("k" + k, v))).list().ofMaxSize(300);
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void neighbours_keep_the_strongest_up_to_the_cap(@ForAll("edges") List<double[]> edges, @ForAll @IntRange(min = 1, max = 12) int cap) {
        Neighbours n = new Neighbours();
        Map<Integer, Double> kept = new HashMap<>();
        for (double[] e : edges) {
            int id = (int) e[0];
            int outcome = n.add(id, e[1], cap);
            if (outcome == Neighbours.UPDATED) {
                kept.merge(id, e[1], Double::sum);
            } else if (outcome == Neighbours.CREATED) {
                kept.put(id, e[1]);
            } else if (outcome >= 0) {
                double evicted = kept.remove(outcome);
                for (double w : kept.values()) assertThat(w).isGreaterThanOrEqualTo(evicted);
                kept.put(id, e[1]);
            } else {
                assertThat(kept.size()).isEqualTo(cap);
                assertThat(kept.containsKey(id)).isFalse();
                for (double w : kept.values()) assertThat(w).isGreaterThanOrEqualTo(e[1]);
            }
        }
        assertThat(n.size()).isEqualTo(kept.size()).isLessThanOrEqualTo(cap);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            ids.add(n.id(i));
            assertThat(n.weight(i)).isEqualTo(kept.get(n.id(i)));
        }
        assertThat(ids).isSorted();
    }

    @Provide
    Arbitrary<List<double[]>> edges() {
        return Arbitraries.integers().between(0, 30).flatMap(id -> Arbitraries.integers().between(-2, 8)
                .map(w -> new double[] {id, w})).list().ofMaxSize(120);
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void ranking_sums_lists_and_keeps_the_strongest_ties_by_name(@ForAll("lists") List<List<double[]>> lists,
                                                                @ForAll @IntRange(min = 0, max = 40) int k) {
        Ranking ranking = new Ranking();
        Map<Integer, Double> model = new java.util.TreeMap<>();
        for (List<double[]> edges : lists) {
            Neighbours n = new Neighbours();
            for (double[] e : edges) n.add((int) e[0], e[1], 1_000);
            ranking.addAll(n);
            for (int i = 0; i < n.size(); i++) model.merge(n.id(i), n.weight(i), Double::sum);
        }
        java.util.function.IntFunction<String> name = id -> "item-" + (char) ('a' + id % 26) + id;
        List<Map.Entry<Integer, Double>> expected = model.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(java.util.Comparator.<Map.Entry<Integer, Double>>comparingDouble(Map.Entry::getValue).reversed()
                        .thenComparing(e -> name.apply(e.getKey())))
                .limit(k).toList();
        List<Map.Entry<Integer, Double>> actual = ranking.top(k, 1.0, name, Map::entry);
        assertThat(actual).isEqualTo(expected);
    }

    @Provide
    Arbitrary<List<List<double[]>>> lists() { return edges().list().ofMaxSize(4); }

    @Property(tries = 100)
    void recent_items_keep_the_last_distinct_ones(@ForAll("items") List<Integer> items, @ForAll @IntRange(min = 1, max = 6) int cap) {
        RecentItems recent = new RecentItems();
        List<Integer> model = new ArrayList<>();
        for (int item : items) {
            assertThat(recent.contains(item)).isEqualTo(model.contains(item));
            if (model.contains(item)) continue;
            recent.push(item, cap);
            model.add(item);
            if (model.size() > cap) model.removeFirst();
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < recent.size(); i++) kept.add(recent.get(i));
        assertThat(kept).containsExactlyInAnyOrderElementsOf(model);
    }

    @Provide
    Arbitrary<List<Integer>> items() { return Arbitraries.integers().between(0, 15).list().ofMaxSize(60); }

    @Property(tries = 100, edgeCases = EdgeCasesMode.FIRST)
    void decay_tables_match_strict_math(@ForAll @IntRange(min = 1, max = 2_000_000) int halfLifeSeconds,
                                        @ForAll long delta) {
        DecayClock clock = new DecayClock(java.time.Duration.ofSeconds(halfLifeSeconds));
        long d = delta % (1_000L * halfLifeSeconds * 400);   // within 400 half-lives either way
        double expected = StrictMath.pow(2.0, (double) d / (1_000L * halfLifeSeconds));
        assertThat(clock.pow2(d) / expected).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-13));
    }
}
