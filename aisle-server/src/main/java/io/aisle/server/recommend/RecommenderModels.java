package io.aisle.server.recommend;

import java.util.List;
import java.util.Objects;

/**
 * The sources and the ranker one variant serves with, and their version: installed as a whole and swapped
 * atomically, so a request sees either the old set or the new one.
 *
 * @param version names this set in every response's model version ({@code aisle-blend-1+als@<offset>})
 */
public record RecommenderModels(String version, List<CandidateSource> sources, Ranker ranker) {
    public RecommenderModels {
        Objects.requireNonNull(version, "version");
        sources = List.copyOf(sources);
        Objects.requireNonNull(ranker, "ranker");
        long distinct = sources.stream().map(CandidateSource::name).distinct().count();
        if (distinct != sources.size()) throw new IllegalArgumentException("sources: names must be unique");
    }

    /** The sources every server has: co-visitation, behaviour and content vectors, popularity lists; blended. */
    public static List<CandidateSource> standardSources() {
        return List.of(new CoVisitationSource(), VectorSource.behaviour(), VectorSource.content(),
                PopularitySource.categories(), PopularitySource.segment(), PopularitySource.trending(),
                PopularitySource.popular());
    }

    public static RecommenderModels standard() {
        return new RecommenderModels("aisle-blend-1", standardSources(), new BlendRanker(BlendWeights.defaults()));
    }

    /** The same ranker with one more source (a trained model), under a new version. */
    public RecommenderModels with(CandidateSource source, String newVersion) {
        List<CandidateSource> all = new java.util.ArrayList<>(sources);
        all.add(source);
        return new RecommenderModels(newVersion, all, ranker);
    }
}
