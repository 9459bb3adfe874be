package io.aisle.recommend.neural.twotower;

/** Full-ranking figures over a set of next-item events: hit rate and NDCG at 10. */
public record RankFigures(int events, double hr10, double ndcg10) {

    @Override
    public String toString() {
        return String.format("HR@10 %.4f  NDCG@10 %.4f  (%d events)", hr10, ndcg10, events);
    }
}
