package io.aisle.recommend.neural.twotower;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class TowerNetworkTest {

    @Test
    void java_towers_compute_what_the_training_graph_computes() {
        GroupedShoppers data = GroupedShoppers.create(10, 1, 60, true, 4L);
        TwoTowerConfig config = GroupedShoppers.smallConfig().withIdDropout(0);
        ContentTable table = ContentTable.of(data.content(), data.sequences().itemCount());
        long[] events = BatchBuilder.events(data.sequences());
        SplittableRandom random = new SplittableRandom(2);
        BatchBuilder batches = new BatchBuilder(data.sequences(), table, config.historyLength(), 0, new float[data.sequences().itemCount()], random);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
             TowerNetwork network = new TowerNetwork(manager, data.sequences().itemCount(), table, config, random)) {
            // A few steps first, so every weight has moved away from its initial value.
            for (int step = 0; step < 10; step++) {
                Batch batch = batches.build(events, step * 20, step * 20 + 20);
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                        NDArray loss = network.loss(batch);
                        collector.backward(loss);
                    }
                    network.adamStep(0.05);
                }
            }
            Batch batch = batches.build(events, 0, 30);
            float[] graph = network.shopperVectors(batch);
            TwoTowerModel model = network.export(data.sequences().itemCounts(), table, config.hiddenSize());
            int d = config.dimension();
            for (int e = 0; e < 30; e++) {
                long event = events[e];
                int[] h = data.sequences().history((int) (event >>> 32));
                int t = (int) event;
                int[] window = Arrays.copyOfRange(h, Math.max(0, t - config.historyLength()), t);
                float[] expected = Arrays.copyOfRange(graph, e * d, (e + 1) * d);
                assertThat(model.shopperVector(window)).as("event %d", e).containsExactly(expected, Offset.offset(1e-4f));
            }
        }
    }

    @Test
    void batches_right_align_histories_and_mask_duplicate_targets() {
        GroupedShoppers data = GroupedShoppers.create(10, 1, 4, false, 4L);
        ContentTable table = ContentTable.of(data.content(), data.sequences().itemCount());
        long[] events = {((long) 0 << 32) | 1, ((long) 2 << 32) | 1};
        int[] h0 = data.sequences().history(0);
        int[] h2 = data.sequences().history(2);
        BatchBuilder builder = new BatchBuilder(data.sequences(), table, 3, 0, new float[data.sequences().itemCount()], new SplittableRandom(1));
        Batch batch = builder.build(events, 0, 2);
        assertThat(batch.historyMask()).containsExactly(0, 0, 1, 0, 0, 1);
        assertThat(batch.items()[(int) batch.history()[2]]).isEqualTo(h0[0]);
        assertThat(batch.items()[(int) batch.targets()[1]]).isEqualTo(h2[1]);
        float expected = h0[1] == h2[1] ? BatchBuilder.MASKED : 0f;
        assertThat(batch.duplicates()).containsExactly(0, expected, expected, 0);
    }
}
