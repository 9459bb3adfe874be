package io.aisle.recommend.neural.twotower;

import io.aisle.recommend.data.AttributeFile;

import io.aisle.recommend.data.ItemContent;
import io.aisle.recommend.data.SequenceFile;
import io.aisle.recommend.data.Sequences;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Manual measurement (not a test): two-tower on a sequence file with its attribute file, leave-one-out.
 * Usage: {@code TwoTowerBeautyProbe Beauty.txt Beauty_item2attributes.json val|test|cold [key=value ...]}
 * where keys are config fields (dimension, epochs, idDropout, ...).
 */
public final class TwoTowerBeautyProbe {

    public static void main(String[] args) throws Exception {
        // ann mode: args[3] is the model file written by test mode
        SequenceFile.Loaded loaded = SequenceFile.read(Path.of(args[0]));
        ItemContent content = args[1].equals("none") ? ItemContent.none(loaded.items().size()) : AttributeFile.read(Path.of(args[1]), loaded.items());
        String mode = args[2];
        TwoTowerConfig config = mode.equals("ann") ? TwoTowerConfig.defaults() : configure(TwoTowerConfig.defaults(), Arrays.copyOfRange(args, 3, args.length));
        System.out.println(mode + " " + config);
        Sequences all = loaded.sequences();
        switch (mode) {
            case "val" -> leaveOneOut(all, content, config, 2);
            case "test" -> leaveOneOut(all, content, config, 1);
            case "cold" -> cold(all, content, config);
            case "ann" -> ann(all, Path.of(args[3]));
            default -> throw new IllegalArgumentException("mode must be val, test or cold, got " + mode);
        }
    }

    /** Recall@10 of the HNSW index against exact search, item-to-item and shopper-to-item, and HR@10 through it. */
    private static void ann(Sequences all, Path modelFile) throws java.io.IOException {
        TwoTowerModel model;
        try (var in = java.nio.file.Files.newInputStream(modelFile)) {
            model = TwoTowerModel.load(in);
        }
        try (model) {
            float[][] vectors = model.itemVectors();
            io.aisle.recommend.retrieval.ExactSearch exact = new io.aisle.recommend.retrieval.ExactSearch(vectors);
            for (int width : new int[] {10, 50, 100, 200}) {
                long buildStart = System.nanoTime();
                try (var index = new io.aisle.recommend.retrieval.VectorIndex(model.dimension(), width)) {
                    index.addAll(vectors);
                    index.nearest(vectors[0], 10);
                    double build = (System.nanoTime() - buildStart) / 1e9;
                    // Item to item: every 4th item as a query, itself excluded.
                    long found = 0, wanted = 0, annNanos = 0, exactNanos = 0;
                    for (int q = 0; q < vectors.length; q += 4) {
                        int self = q;
                        long t0 = System.nanoTime();
                        var a = index.nearest(vectors[q], 10, i -> i != self);
                        long t1 = System.nanoTime();
                        var e = exact.nearest(vectors[q], 10, i -> i != self);
                        long t2 = System.nanoTime();
                        annNanos += t1 - t0;
                        exactNanos += t2 - t1;
                        found += overlap(a, e);
                        wanted += e.size();
                    }
                    int itemQueries = (vectors.length + 3) / 4;
                    // Shopper to item: test histories, history excluded; also HR@10 of the approximate top 10.
                    long sFound = 0, sWanted = 0, hits = 0, exactHits = 0;
                    for (int u = 0; u < all.users(); u++) {
                        int[] h = all.history(u);
                        int[] history = Arrays.copyOf(h, h.length - 1);
                        java.util.BitSet seen = new java.util.BitSet();
                        for (int i : history) seen.set(i);
                        float[] shopper = model.shopperVector(history);
                        var a = index.nearest(shopper, 10, i -> !seen.get(i));
                        var e = exact.nearest(shopper, 10, i -> !seen.get(i));
                        sFound += overlap(a, e);
                        sWanted += e.size();
                        int target = h[h.length - 1];
                        if (a.stream().anyMatch(n -> n.item() == target)) hits++;
                        if (e.stream().anyMatch(n -> n.item() == target)) exactHits++;
                    }
                    System.out.printf("searchWidth %d: build %.2fs; item->item recall@10 %.4f (%.3f ms/query ANN, %.3f ms exact); "
                                    + "shopper->item recall@10 %.4f; test HR@10 via ANN %.4f vs exact %.4f%n",
                            width, build, found / (double) wanted, annNanos / 1e6 / itemQueries, exactNanos / 1e6 / itemQueries,
                            sFound / (double) sWanted, hits / (double) all.users(), exactHits / (double) all.users());
                }
            }
        }
    }

    private static int overlap(java.util.List<io.aisle.recommend.retrieval.Neighbour> a, java.util.List<io.aisle.recommend.retrieval.Neighbour> e) {
        java.util.Set<Integer> expected = new java.util.HashSet<>();
        for (var n : e) expected.add(n.item());
        int n = 0;
        for (var x : a) if (expected.contains(x.item())) n++;
        return n;
    }

    private static void leaveOneOut(Sequences all, ItemContent content, TwoTowerConfig config, int fromEnd) throws java.io.IOException {
        Sequences training = all.dropLast(fromEnd);
        int[][] histories = new int[all.users()][];
        int[] targets = new int[all.users()];
        for (int u = 0; u < all.users(); u++) {
            int[] h = all.history(u);
            histories[u] = Arrays.copyOf(h, h.length - fromEnd);
            targets[u] = h[h.length - fromEnd];
        }
        long start = System.nanoTime();
        TwoTowerModel model = TwoTowerTrainer.train(training, content, config,
                e -> System.out.printf("epoch %d loss %.4f %.1fs%n", e.epoch(), e.loss(), e.seconds()),
                (epoch, snapshot) -> {
                    try (snapshot) {
                        if (epoch >= 6 && epoch % 2 == 0) System.out.println("  epoch " + epoch + " " + FullRanking.evaluate(snapshot, all.itemCount(), histories, targets, i -> true));
                    }
                });
        double seconds = (System.nanoTime() - start) / 1e9;
        try (model) {
            long evalStart = System.nanoTime();
            RankFigures figures = FullRanking.evaluate(model, all.itemCount(), histories, targets, i -> true);
            System.out.printf("%s two-tower %s  train %.1fs  eval %.1fs%n", fromEnd == 2 ? "validation" : "test", figures, seconds,
                    (System.nanoTime() - evalStart) / 1e9);
            if (fromEnd == 1) {
                try (var out = java.nio.file.Files.newOutputStream(Path.of("/tmp/h2-twotower-test.bin"))) {
                    model.save(out);
                }
            }
        }
    }

    private static void cold(Sequences all, ItemContent content, TwoTowerConfig config) {
        ColdItemSplit.Result r = new ColdItemSplit(0.05, 7).run(all, content, config, TrainingListener.none());
        System.out.printf("cold items %d, events %d, train %.1fs%n", r.coldItems(), r.events(), r.trainSeconds());
        System.out.println("two-tower (all items)   " + r.twoTower());
        System.out.println("two-tower (among cold)  " + r.twoTowerAmongCold());
        System.out.println("popularity (all items)  " + r.popularity());
        System.out.println("random (among cold)     " + r.randomAmongCold());
    }

    static TwoTowerConfig configure(TwoTowerConfig c, String[] settings) {
        for (String s : settings) {
            String[] kv = s.split("=", 2);
            c = switch (kv[0]) {
                case "dimension" -> c.withDimension(Integer.parseInt(kv[1]));
                case "historyLength" -> c.withHistoryLength(Integer.parseInt(kv[1]));
                case "hiddenSize" -> c.withHiddenSize(Integer.parseInt(kv[1]));
                case "epochs" -> c.withEpochs(Integer.parseInt(kv[1]));
                case "batchSize" -> c.withBatchSize(Integer.parseInt(kv[1]));
                case "learningRate" -> c.withLearningRate(Double.parseDouble(kv[1]));
                case "temperature" -> c.withTemperature(Double.parseDouble(kv[1]));
                case "idDropout" -> c.withIdDropout(Double.parseDouble(kv[1]));
                case "logQ" -> c.withLogQ(Boolean.parseBoolean(kv[1]));
                case "seed" -> c.withSeed(Long.parseLong(kv[1]));
                case "threads" -> c.withThreads(Integer.parseInt(kv[1]));
                default -> throw new IllegalArgumentException("unknown setting " + kv[0]);
            };
        }
        return c;
    }
}
