package io.aisle.recommend.neural.sasrec;

import io.aisle.recommend.data.Sequences;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SasRecModelTest {

    private static final int ITEMS = 20;
    private static SasRecModel model;

    @BeforeAll
    static void train() {
        Sequences training = CycleSequences.of(ITEMS, 100, 8, 9);
        model = SasRecTrainer.train(training, new SasRecConfig(6, 16, 2, 2, 0.1, 3, 16, 0.01, 0, 3L, 1), ProgressListener.none());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void is_named_sasrec() {
        assertThat(model.name()).isEqualTo("sasrec");
        assertThat(model.itemCount()).isEqualTo(ITEMS);
    }

    @Test
    void save_then_load_gives_identical_scores_and_config() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        int[][] histories = {{1, 2, 3}, {}, {5, 5, 6, 7, 8, 9, 10, 11, 12}};
        float[][] before = new float[3][ITEMS];
        float[][] after = new float[3][ITEMS];
        model.scoreBatch(histories, before);
        try (SasRecModel loaded = SasRecModel.load(new ByteArrayInputStream(bytes.toByteArray()))) {
            loaded.scoreBatch(histories, after);
            assertThat(loaded.config()).isEqualTo(model.config());
        }
        for (int i = 0; i < 3; i++) assertThat(after[i]).containsExactly(before[i]);
    }

    @Test
    void one_history_scores_like_the_same_history_in_a_batch() {
        float[] single = new float[ITEMS];
        model.score(new int[] {4, 5}, single);
        float[][] batch = new float[2][ITEMS];
        model.scoreBatch(new int[][] {{1, 2, 3, 4, 5, 6, 7}, {4, 5}}, batch);
        for (int i = 0; i < ITEMS; i++) assertThat(batch[1][i]).isCloseTo(single[i], org.assertj.core.api.Assertions.within(1e-5f));
    }

    @Test
    void only_the_last_max_length_items_count() {
        float[] longer = new float[ITEMS];
        float[] window = new float[ITEMS];
        model.score(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, longer);
        model.score(new int[] {3, 4, 5, 6, 7, 8}, window);
        assertThat(longer).containsExactly(window);
    }

    @Test
    void concurrent_callers_get_the_same_scores_as_one_caller() throws Exception {
        float[] expected = new float[ITEMS];
        model.score(new int[] {7, 8, 9}, expected);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                results.add(pool.submit(() -> {
                    float[] s = new float[ITEMS];
                    model.score(new int[] {7, 8, 9}, s);
                    return s;
                }));
            }
            for (Future<float[]> f : results) assertThat(f.get()).containsExactly(expected);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void refuses_unknown_items_and_wrong_sized_outputs() {
        assertThatIllegalArgumentException().isThrownBy(() -> model.score(new int[] {ITEMS}, new float[ITEMS]))
                .withMessageContaining("histories[0] holds item " + ITEMS);
        assertThatIllegalArgumentException().isThrownBy(() -> model.score(new int[] {1}, new float[ITEMS - 1]))
                .withMessageContaining("out[0] must have " + ITEMS);
        assertThatIllegalArgumentException().isThrownBy(() -> model.scoreBatch(new int[2][0], new float[1][ITEMS]))
                .withMessageContaining("out has 1 rows for 2 histories");
    }

    @Test
    void refuses_bytes_that_are_not_a_model() throws IOException {
        assertThatThrownBy(() -> SasRecModel.load(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})))
                .isInstanceOf(IOException.class).hasMessageContaining("not a SASRec model");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        byte[] truncated = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
        assertThatThrownBy(() -> SasRecModel.load(new ByteArrayInputStream(truncated))).isInstanceOf(IOException.class);
    }
}
