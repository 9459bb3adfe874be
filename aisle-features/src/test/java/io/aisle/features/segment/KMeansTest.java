package io.aisle.features.segment;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KMeansTest {

    @Test void findsWellSeparatedBlobsAndIsDeterministic() {
        float[][] centres = {{0, 0, 5}, {5, 0, 0}, {0, 5, 0}};
        SplittableRandom random = new SplittableRandom(3);
        float[][] points = new float[300][];
        int[] truth = new int[300];
        for (int i = 0; i < points.length; i++) {
            truth[i] = i % 3;
            points[i] = new float[3];
            for (int j = 0; j < 3; j++) points[i][j] = (float) (centres[truth[i]][j] + random.nextGaussian() * 0.5);
        }
        KMeans.Result a = new KMeans(3, 50, 42).fit(points);
        KMeans.Result b = new KMeans(3, 50, 42).fit(points);
        assertThat(a.assignment()).isEqualTo(b.assignment());
        // Same blob, same cluster; different blobs, different clusters.
        for (int i = 0; i < points.length; i++) {
            for (int j = i + 1; j < points.length; j += 7) {
                assertThat(a.assignment()[i] == a.assignment()[j]).isEqualTo(truth[i] == truth[j]);
            }
        }
        assertThat(KMeans.nearest(a.centroids(), new float[]{5, 0, 0})).isEqualTo(a.assignment()[1]);
    }

    @Test void copesWithFewerPointsThanClustersAndIdenticalPoints() {
        float[][] same = {{1, 1}, {1, 1}, {1, 1}};
        KMeans.Result r = new KMeans(5, 10, 1).fit(same);
        assertThat(r.centroids().length).isEqualTo(3);
        assertThat(r.inertia()).isZero();
        assertThatThrownBy(() -> new KMeans(0, 10, 1)).hasMessageContaining("k must be");
        assertThatThrownBy(() -> new KMeans(2, 10, 1).fit(new float[][]{{1}, {1, 2}})).hasMessageContaining("dimension");
    }
}
