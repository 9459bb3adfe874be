package io.aisle.recommend.neural.sasrec;

import io.aisle.recommend.data.SequenceFile;
import io.aisle.recommend.data.Sequences;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Measures SASRec on a leave-one-out split of a sequence file (Amazon Beauty by default), full ranking with each
 * user's history items left out. Run 1 trains on every history minus its last two items, validating each epoch
 * on a sample of users (second-last item) to pick the epoch, and reports NDCG@10 / HR@10 on all users' validation
 * items. Run 2 ({@code retrain=true}) trains on histories minus their last item for the chosen number of epochs
 * and reports the test items (last item); with {@code retrain=false} run 1's model is tested instead.
 * Not a unit test.
 * <pre>
 * java ... io.aisle.recommend.neural.sasrec.SasRecBeautyProbe /work/shared/data/amazon-beauty/Beauty.txt \
 *     [epochs=..] [negatives=..] [learningRate=..] [dropout=..] [dim=..] [blocks=..] [heads=..] [batchSize=..]
 *     [maxLength=..] [seed=..] [threads=..] [patience=3] [validationUsers=5000] [retrain=true]
 * </pre>
 * Settings left out take {@link SasRecConfig#defaults()}.
 */
public final class SasRecBeautyProbe {

    private SasRecBeautyProbe() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "/work/shared/data/amazon-beauty/Beauty.txt");
        SasRecConfig d = SasRecConfig.defaults();
        int maxLength = d.maxLength(), dim = d.dim(), blocks = d.blocks(), heads = d.heads(), epochs = d.epochs();
        int batchSize = d.batchSize(), negatives = d.negatives(), threads = d.threads(), patience = 3, validationUsers = 5000;
        double dropout = d.dropout(), learningRate = d.learningRate();
        long seed = d.seed();
        boolean retrain = true;
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            switch (kv[0]) {
                case "maxLength" -> maxLength = Integer.parseInt(kv[1]);
                case "dim" -> dim = Integer.parseInt(kv[1]);
                case "blocks" -> blocks = Integer.parseInt(kv[1]);
                case "heads" -> heads = Integer.parseInt(kv[1]);
                case "epochs" -> epochs = Integer.parseInt(kv[1]);
                case "batchSize" -> batchSize = Integer.parseInt(kv[1]);
                case "negatives" -> negatives = Integer.parseInt(kv[1]);
                case "threads" -> threads = Integer.parseInt(kv[1]);
                case "patience" -> patience = Integer.parseInt(kv[1]);
                case "validationUsers" -> validationUsers = Integer.parseInt(kv[1]);
                case "dropout" -> dropout = Double.parseDouble(kv[1]);
                case "learningRate" -> learningRate = Double.parseDouble(kv[1]);
                case "seed" -> seed = Long.parseLong(kv[1]);
                case "retrain" -> retrain = Boolean.parseBoolean(kv[1]);
                default -> throw new IllegalArgumentException("unknown setting " + kv[0]);
            }
        }
        SasRecConfig config = new SasRecConfig(maxLength, dim, blocks, heads, dropout, epochs, batchSize, learningRate,
                negatives, seed, threads);
        Sequences full = SequenceFile.read(file).sequences();
        SasRecValidation validation = SasRecValidation.lastItemOf(full.dropLast(1), 2, patience);
        SasRecValidation test = SasRecValidation.lastItemOf(full, 3, patience);
        System.out.printf(Locale.ROOT, "%s: %d users, %d items, %d interactions; %s%n", file.getFileName(), full.users(),
                full.itemCount(), full.interactions(), config);

        Run first = new Run("validation run");
        int bestEpoch;
        try (SasRecModel model = SasRecTrainer.train(full.dropLast(2), validation.sample(validationUsers, seed), config, first)) {
            first.finish();
            bestEpoch = first.bestEpoch;
            report("validation", model, validation, full.itemCount());
            if (!retrain) report("test (validation run's model)", model, test, full.itemCount());
        }
        System.out.printf(Locale.ROOT, "validation run: %.1fs wall, %d epochs, best epoch %d (per-epoch validation on %d users included)%n",
                first.seconds, first.epochs, bestEpoch, Math.min(validationUsers, validation.targets().length));
        if (!retrain) return;
        Run second = new Run("test run");
        try (SasRecModel model = SasRecTrainer.train(full.dropLast(1), config.withEpochs(bestEpoch), second)) {
            second.finish();
            report("test", model, test, full.itemCount());
        }
        System.out.printf(Locale.ROOT, "test run: %.1fs wall, %d epochs%n", second.seconds, second.epochs);
    }

    private static void report(String label, SasRecModel model, SasRecValidation split, int items) {
        long start = System.nanoTime();
        HeldOutRanking.Result r = HeldOutRanking.evaluate(model::scoreBatch, split.histories().histories(), split.targets(), items, 10);
        System.out.printf(Locale.ROOT, "%s ndcg@10 %.4f hr@10 %.4f (%d users, %.1fs to score)%n", label, r.ndcg(), r.hitRate(),
                r.users(), (System.nanoTime() - start) / 1e9);
    }

    /** Prints each epoch and remembers the best validation epoch. */
    private static final class Run implements ProgressListener {
        private final String label;
        private final long start = System.nanoTime();
        private double best = Double.NEGATIVE_INFINITY;
        private int bestEpoch;
        private int epochs;
        private double seconds;

        Run(String label) { this.label = label; }

        @Override
        public void onEpoch(Epoch e) {
            epochs = e.epoch();
            if (e.validationNdcg().isPresent() && e.validationNdcg().getAsDouble() > best) {
                best = e.validationNdcg().getAsDouble();
                bestEpoch = e.epoch();
            }
            System.out.printf(Locale.ROOT, "%s epoch %3d loss %.4f %.1fs (%.0fs so far)%s%n", label, e.epoch(), e.loss(),
                    e.seconds(), (System.nanoTime() - start) / 1e9, e.validationNdcg().isPresent()
                            ? String.format(Locale.ROOT, " sampled val ndcg@10 %.4f", e.validationNdcg().getAsDouble()) : "");
        }

        void finish() { seconds = (System.nanoTime() - start) / 1e9; }
    }
}
