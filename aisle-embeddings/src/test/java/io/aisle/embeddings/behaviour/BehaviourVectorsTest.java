package io.aisle.embeddings.behaviour;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.event.SignalWeights;
import io.aisle.core.testing.InMemoryEventLog;
import io.aisle.embeddings.InMemoryModelStore;
import io.aisle.embeddings.Neighbour;
import io.aisle.embeddings.Simulated;
import io.aisle.embeddings.Vectors;
import io.aisle.embeddings.shopper.ShopperVectorParams;
import io.aisle.embeddings.shopper.ShopperVectors;
import io.aisle.simulator.ShopperProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Behaviour vectors on a simulated stream: 600 shoppers, 90 days, 2,000 products (about 140k events). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BehaviourVectorsTest {
    private static final SignalWeights WEIGHTS = SignalWeights.defaults();

    private Simulated sim;
    private BehaviourModel model;

    @BeforeAll
    void train() {
        sim = new Simulated(2_000, 600, 90);
        model = new BehaviourTrainer(AlsParams.defaults(), WEIGHTS).train(sim.events, null);
        System.out.printf("behaviour vectors: %d events, %d used, %d shoppers, %d items, trained in %.2f s%n",
                sim.events.size(), model.info().eventsUsed(), model.info().shoppers(), model.size(), model.info().trainSeconds());
    }

    @Test
    void nearest_neighbours_share_the_category_far_above_chance() {
        List<ProductId> ids = new ArrayList<>(model.ids());
        Random random = new Random(1);
        int same = 0, total = 0;
        for (int q = 0; q < 300; q++) {
            ProductId id = ids.get(random.nextInt(ids.size()));
            for (Neighbour n : model.similar(id, 10)) {
                total++;
                if (sim.categoryOf(n.id()).equals(sim.categoryOf(id))) same++;
            }
        }
        double share = (double) same / total, chance = sim.chanceSameCategory(ids);
        System.out.printf("behaviour vectors: %.3f of top-10 neighbours share the category; chance %.3f%n", share, chance);
        assertThat(share).isGreaterThan(0.5).isGreaterThan(8 * chance);
    }

    @Test
    void a_shoppers_vector_is_closer_to_their_preferred_categories_than_to_random_items() {
        ShopperVectors shoppers = new ShopperVectors(WEIGHTS, ShopperVectorParams.defaults());
        long offset = 0;
        for (ShopperEvent e : sim.events) shoppers.apply(new LoggedEvent(++offset, e.timestamp(), e));
        List<ProductId> ids = new ArrayList<>(model.ids());
        Random random = new Random(2);
        int closer = 0, evaluated = 0;
        double gap = 0;
        for (int s = 0; s < 300; s++) {
            ShopperProfile truth = sim.shoppers.profile(s);
            var vector = shoppers.longTerm(truth.actorKeys().getFirst(), model);
            if (vector.isEmpty()) continue;
            double preferred = 0, other = 0;
            int np = 0, no = 0;
            for (int j = 0; j < 300; j++) {
                ProductId id = ids.get(random.nextInt(ids.size()));
                double cos = Vectors.dot(vector.get(), model.vector(id).orElseThrow());
                if (truth.preferredCategories().contains(sim.categoryOf(id))) { preferred += cos; np++; } else { other += cos; no++; }
            }
            if (np == 0 || no == 0) continue;
            evaluated++;
            gap += preferred / np - other / no;
            if (preferred / np > other / no) closer++;
        }
        System.out.printf("shopper vectors: %d of %d shoppers closer to their preferred categories; mean cosine gap %.3f%n",
                closer, evaluated, gap / evaluated);
        assertThat(evaluated).isGreaterThan(150);
        assertThat((double) closer / evaluated).isGreaterThan(0.9);
    }

    @Test
    void beats_popularity_on_the_held_out_last_item() {
        var evaluation = new HoldOutEvaluation(new BehaviourTrainer(AlsParams.defaults(), WEIGHTS), WEIGHTS, 10, 400, 3);
        var r = evaluation.run(() -> sim.events.stream());
        System.out.printf("hold-out: %d shoppers, HR@10 %.3f (popularity %.3f), NDCG@10 %.3f (popularity %.3f)%n",
                r.shoppers(), r.hitRate(), r.popularityHitRate(), r.ndcg(), r.popularityNdcg());
        assertThat(r.shoppers()).isEqualTo(400);
        assertThat(r.hitRate()).isGreaterThan(1.5 * r.popularityHitRate());
    }

    @Test
    void training_does_not_depend_on_the_number_of_threads() {
        List<ShopperEvent> slice = sim.events.subList(0, 30_000);
        AlsParams p = AlsParams.defaults().withIterations(3);
        BehaviourModel one = new BehaviourTrainer(p.withThreads(1), WEIGHTS).train(slice, null);
        BehaviourModel two = new BehaviourTrainer(p.withThreads(2), WEIGHTS).train(slice, null);
        assertThat(two.ids()).containsExactlyElementsOf(one.ids());
        for (ProductId id : one.ids()) assertThat(two.factor(id).orElseThrow()).isEqualTo(one.factor(id).orElseThrow());
    }

    @Test
    void a_saved_model_reloads_with_the_same_vectors_and_training_facts() {
        InMemoryModelStore store = new InMemoryModelStore();
        var version = model.save(store);
        assertThat(version.metadata()).containsEntry("algorithm", "als-hkv").containsEntry("dimension", "32")
                .containsKeys("events_used", "cutoff", "train_s", "alpha", "lambda", "iterations", "log_offset");
        BehaviourModel loaded = BehaviourModel.loadLatest(store).orElseThrow();
        assertThat(loaded.ids()).containsExactlyElementsOf(model.ids());
        for (ProductId id : model.ids()) assertThat(loaded.vector(id).orElseThrow()).isEqualTo(model.vector(id).orElseThrow());
        assertThat(loaded.info().eventsUsed()).isEqualTo(model.info().eventsUsed());
        assertThat(loaded.params().alpha()).isEqualTo(model.params().alpha());
        var signals = java.util.Map.of(model.ids().iterator().next(), 3.0);
        assertThat(loaded.shopperFactor(signals).orElseThrow()).isEqualTo(model.shopperFactor(signals).orElseThrow());
    }

    @Test
    void fold_in_places_new_items_near_their_category_and_keeps_known_ones() {
        Instant cutoff = Simulated.START.plus(Duration.ofDays(60));
        InMemoryEventLog log = new InMemoryEventLog();
        log.append(sim.events.stream().filter(e -> e.timestamp().isBefore(cutoff)).toList());
        BehaviourTrainer trainer = new BehaviourTrainer(AlsParams.defaults().withFoldInLimit(10), WEIGHTS);
        BehaviourModel before = trainer.train(log, null);
        assertThat(before.info().logOffset()).isEqualTo(log.lastOffset());
        log.append(sim.events.stream().filter(e -> !e.timestamp().isBefore(cutoff)).toList());

        BehaviourModel after = trainer.refresh(before, log);
        assertThat(after.info().foldedInEvents()).isPositive();
        assertThat(after.info().logOffset()).isEqualTo(log.lastOffset());
        assertThat(after.info().trainSeconds()).isEqualTo(before.info().trainSeconds()); // no full retrain
        for (ProductId id : before.ids()) assertThat(after.vector(id).orElseThrow()).isEqualTo(before.vector(id).orElseThrow());
        List<ProductId> added = after.ids().stream().skip(before.size()).toList();
        assertThat(added).hasSize(after.info().foldedInItems()).isNotEmpty();

        int same = 0, total = 0;
        for (ProductId id : added) {
            for (Neighbour n : after.nearest(after.vector(id).orElseThrow(), 10, x -> x.equals(id) || !before.vector(x).isPresent())) {
                total++;
                if (sim.categoryOf(n.id()).equals(sim.categoryOf(id))) same++;
            }
        }
        double share = (double) same / total, chance = sim.chanceSameCategory(before.ids());
        System.out.printf("fold-in: %d new items placed from %d events; %.3f of their top-10 known neighbours share the category (chance %.3f)%n",
                added.size(), after.info().foldedInEvents(), share, chance);
        assertThat(share).isGreaterThan(5 * chance);
    }

    @Test
    void refresh_retrains_in_full_once_too_much_has_been_folded_in() {
        InMemoryEventLog log = new InMemoryEventLog();
        log.append(sim.events.subList(0, 20_000));
        BehaviourTrainer trainer = new BehaviourTrainer(AlsParams.defaults().withIterations(2).withFoldInLimit(0.2), WEIGHTS);
        BehaviourModel first = trainer.refresh(null, log);
        log.append(sim.events.subList(20_000, 40_000));
        BehaviourModel second = trainer.refresh(first, log);
        assertThat(second.info().foldedInEvents()).isZero();
        assertThat(second.info().eventsUsed()).isGreaterThan(first.info().eventsUsed());
        assertThat(second.info().logOffset()).isEqualTo(40_000);
    }

    @Test
    void training_before_a_cutoff_uses_only_earlier_events() {
        Instant cutoff = Simulated.START.plus(Duration.ofDays(10));
        List<ShopperEvent> slice = sim.events.subList(0, 60_000);
        BehaviourModel m = new BehaviourTrainer(AlsParams.defaults().withIterations(1), WEIGHTS).train(slice, cutoff);
        assertThat(m.info().cutoff()).isEqualTo(cutoff);
        assertThat(m.info().lastEventAt()).isBefore(cutoff);
        long expected = slice.stream().filter(e -> e.timestamp().isBefore(cutoff) && WEIGHTS.weight(e) != 0 && !e.items().isEmpty()).count();
        assertThat(m.info().eventsUsed()).isEqualTo(expected);
    }
}
