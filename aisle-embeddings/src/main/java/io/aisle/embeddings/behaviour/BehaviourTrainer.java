package io.aisle.embeddings.behaviour;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.event.SignalWeights;
import io.aisle.core.port.EventLog;
import io.aisle.core.replay.ProjectionRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Trains {@link BehaviourModel}s from events with implicit ALS, and refreshes them: a fold-in places items that are new
 * since training against the fixed factors, without a full retrain; {@link #refresh} retrains in full once enough new
 * events have been folded in. Confidence of a shopper-item pair is {@code 1 + alpha * |r|} where r sums the
 * {@link SignalWeights} of the shopper's events about the item; the pair counts as wanted when r is positive.
 */
public final class BehaviourTrainer {
    private static final Logger log = LoggerFactory.getLogger(BehaviourTrainer.class);

    private final AlsParams params;
    private final SignalWeights weights;

    public BehaviourTrainer(AlsParams params, SignalWeights weights) {
        this.params = Objects.requireNonNull(params, "params");
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    public AlsParams params() { return params; }

    /** Trains on every event in the log with a timestamp before {@code cutoff} (all of them when null). */
    public BehaviourModel train(EventLog eventLog, Instant cutoff) {
        long start = System.nanoTime();
        Interactions.Builder builder = new Interactions.Builder(weights, List.of());
        long offset = readLog(eventLog, 0, e -> { if (cutoff == null || e.timestamp().isBefore(cutoff)) builder.add(e); });
        return fit(builder.build(), cutoff, offset, start);
    }

    /** Trains on {@code events} (any order) with a timestamp before {@code cutoff} (all when null); log offset 0. */
    public BehaviourModel train(Iterable<ShopperEvent> events, Instant cutoff) {
        long start = System.nanoTime();
        Interactions.Builder builder = new Interactions.Builder(weights, List.of());
        for (ShopperEvent e : events) if (cutoff == null || e.timestamp().isBefore(cutoff)) builder.add(e);
        return fit(builder.build(), cutoff, 0, start);
    }

    /** Folds in the events logged after the model's {@link TrainingInfo#logOffset()}. */
    public BehaviourModel foldIn(BehaviourModel model, EventLog eventLog) {
        Interactions.Builder builder = new Interactions.Builder(weights, List.copyOf(model.ids()));
        long offset = readLog(eventLog, model.info().logOffset(), builder::add);
        return foldIn(model, builder, offset);
    }

    /**
     * Adds vectors for items that are in {@code events} but not in the model: first each shopper in the events is
     * solved against the fixed item factors from their signals on known items, then each new item is solved against
     * those shoppers (with the Gram matrix of all training shoppers standing in for the shoppers who ignored it).
     * Known items keep their vectors until the next full training. New items whose shoppers touched no known item
     * stay without a vector.
     */
    public BehaviourModel foldIn(BehaviourModel model, Iterable<ShopperEvent> events) {
        Interactions.Builder builder = new Interactions.Builder(weights, List.copyOf(model.ids()));
        for (ShopperEvent e : events) builder.add(e);
        return foldIn(model, builder, model.info().logOffset());
    }

    /**
     * Brings a model up to date with the log: trains in full (on the whole log, no cutoff) when there is no model
     * yet, or when the events folded in since its last full training exceed {@link AlsParams#foldInLimit()} of the
     * events that training used; otherwise the new events are folded in.
     */
    public BehaviourModel refresh(BehaviourModel current, EventLog eventLog) {
        if (current == null) return train(eventLog, null);
        BehaviourModel folded = foldIn(current, eventLog);
        boolean stale = folded.info().foldedInEvents() > params.foldInLimit() * folded.info().eventsUsed();
        return stale ? train(eventLog, null) : folded;
    }

    private BehaviourModel fit(Interactions data, Instant cutoff, long offset, long startNanos) {
        int k = params.factors();
        int nItems = data.items.size(), nShoppers = data.shoppers.size();
        double[] items = new double[nItems * k];
        double[] shoppers = new double[nShoppers * k];
        SplittableRandom random = new SplittableRandom(params.seed());
        double scale = 0.1 / Math.sqrt(k);
        for (int j = 0; j < items.length; j++) items[j] = random.nextGaussian() * scale;
        try (ExecutorService pool = Executors.newFixedThreadPool(params.threads(), Thread.ofPlatform().daemon().name("als-", 0).factory())) {
            for (int it = 0; it < params.iterations(); it++) {
                Als.solveAll(data.byShopper, items, k, Als.gram(items, nItems, k), params, shoppers, pool);
                Als.solveAll(data.byItem, shoppers, k, Als.gram(shoppers, nShoppers, k), params, items, pool);
            }
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        TrainingInfo info = new TrainingInfo(data.events, nShoppers, cutoff, data.lastEventAt, offset, seconds, 0, 0);
        log.info("behaviour vectors: {} events, {} shoppers, {} items, k={}, {} sweeps in {} s", data.events, nShoppers,
                nItems, k, params.iterations(), String.format("%.1f", seconds));
        return new BehaviourModel(data.items, items, k, Als.gram(shoppers, nShoppers, k), params, info);
    }

    private BehaviourModel foldIn(BehaviourModel model, Interactions.Builder builder, long offset) {
        Interactions data = builder.build();
        int k = model.dimension();
        int known = model.size();
        int total = data.items.size();
        if (total == known) {
            TrainingInfo i = model.info();
            return new BehaviourModel(List.copyOf(model.ids()), model.itemFactors(), k, model.shopperGram(), model.params(),
                    new TrainingInfo(i.eventsUsed(), i.shoppers(), i.cutoff(), i.lastEventAt(), offset, i.trainSeconds(),
                            i.foldedInEvents() + data.events, i.foldedInItems()));
        }
        // Item columns beyond the known ones are zero, so shoppers are solved from their known items only.
        double[] items = java.util.Arrays.copyOf(model.itemFactors(), total * k);
        double[] shoppers = new double[data.shoppers.size() * k];
        Als.RowSolver shopperSolver = new Als.RowSolver(k, model.itemGram(), model.params());
        Interactions.Rows s = data.byShopper;
        for (int r = 0; r < s.count(); r++) shopperSolver.solve(s.col(), s.val(), s.start()[r], s.start()[r + 1], items, shoppers, r);
        Als.RowSolver itemSolver = new Als.RowSolver(k, model.shopperGram(), model.params());
        Interactions.Rows byItem = data.byItem;
        List<ProductId> ids = new ArrayList<>(model.ids());
        double[] kept = java.util.Arrays.copyOf(model.itemFactors(), total * k);
        int added = 0;
        double[] row = new double[k];
        for (int i = known; i < total; i++) {
            int from = byItem.start()[i], to = byItem.start()[i + 1];
            if (!anyPositiveSolvedShopper(byItem, from, to, shoppers, k)) continue;
            itemSolver.solve(byItem.col(), byItem.val(), from, to, shoppers, row, 0);
            System.arraycopy(row, 0, kept, (known + added) * k, k);
            ids.add(data.items.get(i));
            added++;
        }
        TrainingInfo i = model.info();
        TrainingInfo info = new TrainingInfo(i.eventsUsed(), i.shoppers(), i.cutoff(), i.lastEventAt(), offset,
                i.trainSeconds(), i.foldedInEvents() + data.events, i.foldedInItems() + added);
        log.info("behaviour vectors: folded in {} events, {} of {} new items placed", data.events, added, total - known);
        return new BehaviourModel(ids, java.util.Arrays.copyOf(kept, ids.size() * k), k, model.shopperGram(), model.params(), info);
    }

    /** Whether some shopper who wanted the item (positive signal) got a factor from known items. */
    private static boolean anyPositiveSolvedShopper(Interactions.Rows byItem, int from, int to, double[] shoppers, int k) {
        for (int j = from; j < to; j++) {
            if (byItem.val()[j] <= 0) continue;
            int base = byItem.col()[j] * k;
            for (int d = 0; d < k; d++) if (shoppers[base + d] != 0) return true;
        }
        return false;
    }

    private static long readLog(EventLog eventLog, long after, java.util.function.Consumer<ShopperEvent> sink) {
        long at = after;
        for (List<LoggedEvent> page; !(page = eventLog.readAfter(at, ProjectionRunner.DEFAULT_PAGE)).isEmpty(); ) {
            for (LoggedEvent e : page) sink.accept(e.event());
            at = page.getLast().offset();
        }
        return at;
    }
}
