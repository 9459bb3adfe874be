package io.aisle.recommend.probe;

import io.aisle.recommend.data.SequenceFile;
import io.aisle.recommend.eval.LeaveOneOut;
import io.aisle.recommend.eval.RankingEvaluator;
import io.aisle.recommend.model.*;
import java.nio.file.Path;

/** Manual probe: baseline figures on a sequence file (not a test). */
public final class BaselineProbe {
    public static void main(String[] args) throws Exception {
        var loaded = SequenceFile.read(Path.of(args[0]));
        LeaveOneOut split = LeaveOneOut.of(loaded.sequences());
        RankingEvaluator eval = new RankingEvaluator(true);
        var val = split.validation();
        var test = split.test();
        long t = System.nanoTime();
        System.out.println("pop val " + eval.evaluate(Popularity.train(split.validationTraining()), val));
        Transitions.Config c = Transitions.Config.defaults();
        for (Transitions.Config cc : new Transitions.Config[]{c, c.withBackward(0), c.withBackward(1), c.withWindow(3), c.withWindow(10),
                c.withDecay(0.8), c.withLastItems(1), c.withLastItems(10), c.withRecency(0.8), c.withSourceNorm(0.5), c.withTargetNorm(0.25)}) {
            long s = System.nanoTime();
            var m = Transitions.train(split.validationTraining(), cc);
            System.out.printf("trans %s val %s (%.1fs)%n", cc, eval.evaluate(m, val), (System.nanoTime() - s) / 1e9);
        }
        var mt = Transitions.train(split.testTraining(), c);
        System.out.println("trans test " + eval.evaluate(mt, test));
        for (int k : new int[]{50, 200}) {
            long s = System.nanoTime();
            var m = ItemKnn.train(split.validationTraining(), new ItemKnn.Config(k, 0.5, 10));
            System.out.printf("knn k=%d val %s (%.1fs)%n", k, eval.evaluate(m, val), (System.nanoTime() - s) / 1e9);
        }
        if (args.length > 1) {
            long s = System.nanoTime();
            float[] g = Ease.gram(split.validationTraining());
            for (String l : args[1].split(",")) {
                var m = Ease.fromGram(g, split.validationTraining().itemCount(), Double.parseDouble(l));
                System.out.printf("ease l=%s val %s (%.1fs)%n", l, eval.evaluate(m, val), (System.nanoTime() - s) / 1e9);
            }
        }
        System.out.printf("total %.1fs%n", (System.nanoTime() - t) / 1e9);
    }
}
