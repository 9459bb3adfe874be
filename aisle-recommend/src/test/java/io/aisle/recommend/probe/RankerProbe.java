package io.aisle.recommend.probe;

import io.aisle.recommend.data.ItemContent;
import io.aisle.recommend.data.SequenceFile;
import io.aisle.recommend.data.Sequences;
import io.aisle.recommend.eval.LeaveOneOut;
import io.aisle.recommend.eval.RankingEvaluator;
import io.aisle.recommend.model.*;
import io.aisle.recommend.rank.CandidateRanker;
import io.aisle.recommend.rank.ItemSide;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Manual probe: the candidate ranker over baselines (not a test). */
public final class RankerProbe {
    public static void main(String[] args) throws Exception {
        var loaded = SequenceFile.read(Path.of(args[0]));
        int n = loaded.sequences().itemCount();
        int[][] attrs = new int[n][0];
        int maxAttr = 0;
        if (args.length > 1) {
            String json = Files.readString(Path.of(args[1]));
            Matcher m = Pattern.compile("\"(\\d+)\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(json);
            while (m.find()) {
                var idx = loaded.items().indexOf(m.group(1));
                if (idx.isEmpty()) continue;
                String body = m.group(2).trim();
                int[] a = body.isEmpty() ? new int[0] : java.util.Arrays.stream(body.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
                for (int x : a) maxAttr = Math.max(maxAttr, x);
                attrs[idx.get()] = a;
            }
        }
        ItemContent content = new ItemContent(attrs, maxAttr + 1, null);
        LeaveOneOut split = LeaveOneOut.of(loaded.sequences());
        RankingEvaluator eval = new RankingEvaluator(true);
        boolean ease = args.length > 2;
        long t = System.nanoTime();
        Transitions.Config tc = Transitions.Config.defaults().withSourceNorm(0.5).withDecay(0.8).withBackward(0.25);
        List<ItemScorer> valSources = sources(split.validationTraining(), tc, ease);
        var trained = CandidateRanker.train(valSources, ItemSide.of(split.validationTraining(), content), split.validation(),
                new CandidateRanker.Config(Integer.getInteger("per", 50), 400, Integer.getInteger("depth", 6),
                        Double.parseDouble(System.getProperty("eta", "0.08")), Double.parseDouble(System.getProperty("mcw", "10")),
                        30, Double.parseDouble(System.getProperty("hold", "0.15")), 42), System.out::println);
        System.out.println(trained.report());
        var valRanker = trained.model().bind(valSources, ItemSide.of(split.validationTraining(), content));
        System.out.println("aisle val " + eval.evaluate(valRanker, split.validation()));
        List<ItemScorer> testSources = sources(split.testTraining(), tc, ease);
        var ranker = trained.model().bind(testSources, ItemSide.of(split.testTraining(), content));
        System.out.println("transition test " + eval.evaluate(testSources.get(0), split.test()));
        System.out.println("aisle test " + eval.evaluate(ranker, split.test()));
        System.out.println(ranker.importance());
        System.out.printf("total %.1fs%n", (System.nanoTime() - t) / 1e9);
    }

    record Named(String name, ItemScorer inner) implements ItemScorer {
        @Override public void score(int[] h, float[] s) { inner.score(h, s); }
    }

    static List<ItemScorer> sources(Sequences data, Transitions.Config tc, boolean ease) {
        List<ItemScorer> s = new ArrayList<>();
        s.add(Transitions.train(data, tc));
        if (Boolean.getBoolean("last")) s.add(new Named("transition-last", Transitions.train(data, tc.withLastItems(1))));
        s.add(ItemKnn.train(data, new ItemKnn.Config(200, 0.5, 10)));
        if (ease) s.add(Ease.train(data, 500));
        s.add(Popularity.train(data));
        return s;
    }
}
