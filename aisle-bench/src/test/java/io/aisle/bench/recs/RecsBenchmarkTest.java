package io.aisle.bench.recs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aisle.bench.BenchReport;
import io.aisle.core.validation.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecsBenchmarkTest {
    @TempDir Path dir;

    /** Shoppers walk inside one of five groups of 20 items, mostly to the next item. */
    private Path walks() throws Exception {
        SplittableRandom r = new SplittableRandom(11);
        StringBuilder text = new StringBuilder();
        for (int u = 0; u < 600; u++) {
            int group = r.nextInt(5);
            int at = r.nextInt(20);
            text.append("u").append(u);
            for (int k = 0, len = 5 + r.nextInt(5); k < len; k++) {
                text.append(' ').append(group * 20 + at + 1);
                at = r.nextDouble() < 0.7 ? (at + 1) % 20 : r.nextInt(20);
            }
            text.append('\n');
        }
        Path data = Files.createDirectories(dir.resolve("walks"));
        Files.writeString(data.resolve("SOURCE.txt"), "synthetic");
        Files.writeString(data.resolve("walks.txt"), text);
        return data;
    }

    @Test void every_system_gets_a_row_and_the_learned_ranker_beats_popularity() throws Exception {
        BenchReport report = new RecsBenchmark(new RecsBenchmark.Options(walks(), 16_000, false, false, 3), s -> { }).run();
        Map<String, Map<String, Double>> rows = report.rows();
        assertThat(rows).containsKeys("popularity", "item-knn", "ease", "transition", "aisle");
        assertThat(rows.get("aisle")).containsKeys("hr@10", "ndcg@10", "hr@20", "ndcg@20", "coverage", "train_s");
        assertThat(rows.get("aisle").get("ndcg@10")).isGreaterThan(2 * rows.get("popularity").get("ndcg@10"));
        assertThat(rows.get("transition").get("ndcg@10")).isGreaterThan(rows.get("popularity").get("ndcg@10"));
    }

    @Test void a_missing_dataset_or_an_ambiguous_folder_is_refused_naming_the_option() throws Exception {
        assertThatThrownBy(() -> new RecsBenchmark(RecsBenchmark.Options.of(dir.resolve("nope")), s -> { }).run())
                .isInstanceOf(ValidationException.class).hasMessageContaining("--data");
        Files.writeString(dir.resolve("a.txt"), "u 1 2 3\n");
        Files.writeString(dir.resolve("b.txt"), "u 1 2 3\n");
        assertThatThrownBy(() -> new RecsBenchmark(RecsBenchmark.Options.of(dir), s -> { }).run())
                .isInstanceOf(ValidationException.class).hasMessageContaining("exactly one sequence");
    }
}
