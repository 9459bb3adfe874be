package io.aisle.search.rank;

/** What the re-ranker's trees are fitted to: the order within each query, or each label on its own. */
public enum RankingObjective {
    /** LambdaMART: pairs within a query, weighted by their effect on nDCG. Scores compare only within a query. */
    LAMBDAMART("rank:ndcg"),
    /** Least squares on the label: scores are comparable across queries, so they can be cut into grades. */
    REGRESSION("reg:squarederror");

    private final String xgboostName;

    RankingObjective(String xgboostName) { this.xgboostName = xgboostName; }

    /** The objective's name in XGBoost's parameters. */
    public String xgboostName() { return xgboostName; }

    /** Reads an objective from its enum name or its XGBoost name, case-insensitively. */
    public static RankingObjective parse(String text) {
        for (RankingObjective o : values()) {
            if (o.name().equalsIgnoreCase(text) || o.xgboostName.equalsIgnoreCase(text)) return o;
        }
        throw new io.aisle.core.validation.ValidationException("objective", "unknown objective '" + text
                + "', expected lambdamart (rank:ndcg) or regression (reg:squarederror)");
    }
}
