package io.aisle.features.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Learned segments: shoppers clustered by their taste vectors with k-means, each cluster named by what its members
 * engage with most, so a merchant sees "cluster 3: mostly Running Shoes, Hiking Boots" rather than a number.
 */
public final class ShopperClusters {
    private final float[][] centroids;
    private final List<String> descriptions;
    private final int members;

    private ShopperClusters(float[][] centroids, List<String> descriptions, int members) {
        this.centroids = centroids;
        this.descriptions = List.copyOf(descriptions);
        this.members = members;
    }

    /**
     * Clusters the shoppers' vectors and describes each cluster by the commonest top category of its members.
     *
     * @param vectors     shopper key to taste vector (all of one dimension)
     * @param topCategory a shopper's strongest category, or null when unknown
     */
    public static ShopperClusters fit(Map<String, float[]> vectors, int k, long seed, Function<String, String> topCategory) {
        List<String> keys = vectors.keySet().stream().sorted().toList(); // sorted: same input, same clusters
        float[][] points = new float[keys.size()][];
        for (int i = 0; i < keys.size(); i++) points[i] = vectors.get(keys.get(i));
        KMeans.Result result = new KMeans(k, 50, seed).fit(points);
        List<Map<String, Long>> categories = new ArrayList<>();
        int[] sizes = new int[result.centroids().length];
        for (int c = 0; c < result.centroids().length; c++) categories.add(new java.util.HashMap<>());
        for (int i = 0; i < keys.size(); i++) {
            int c = result.assignment()[i];
            sizes[c]++;
            String category = topCategory.apply(keys.get(i));
            if (category != null) categories.get(c).merge(category, 1L, Long::sum);
        }
        List<String> descriptions = new ArrayList<>();
        for (int c = 0; c < result.centroids().length; c++) {
            String top = categories.get(c).entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(2).map(Map.Entry::getKey).collect(Collectors.joining(", "));
            descriptions.add(sizes[c] + " shoppers" + (top.isEmpty() ? "" : ", mostly into " + top));
        }
        return new ShopperClusters(result.centroids(), descriptions, keys.size());
    }

    /** The learned segment of a shopper with this vector. */
    public Segment assign(float[] vector) {
        Objects.requireNonNull(vector, "vector");
        int c = KMeans.nearest(centroids, vector);
        return new Segment("taste", "cluster-" + c, Segment.Kind.LEARNED,
                "nearest of " + centroids.length + " taste clusters learned from " + members + " shoppers' behaviour: "
                        + descriptions.get(c));
    }

    public int size() { return centroids.length; }
}
