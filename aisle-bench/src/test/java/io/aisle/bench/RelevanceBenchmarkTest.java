package io.aisle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.aisle.bench.relevance.FakeEmbedder;
import io.aisle.bench.relevance.SmallCrowdflower;
import io.aisle.core.json.Json;
import io.aisle.core.validation.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RelevanceBenchmarkTest {
    @TempDir Path dir;

    @Test
    void runs_end_to_end_on_a_small_file_and_reports_every_system() throws Exception {
        SmallCrowdflower.write(dir, 1);
        FakeEmbedder encoder = new FakeEmbedder();
        List<String> progress = new ArrayList<>();
        RelevanceBenchmark.Options options = new RelevanceBenchmark.Options(dir, dir.resolve("cache"), 3, 2);
        BenchReport report = new RelevanceBenchmark(options, () -> encoder, progress::add).run();

        assertThat(report.rows().keySet()).containsExactly("bm25", "vector", "aisle", "aisle-lambdamart");
        for (Map<String, Double> metrics : report.rows().values()) {
            assertThat(metrics.keySet()).containsExactly("qwk", "qwk_fold_mean", "ndcg@10");
            assertThat(metrics.get("qwk")).isBetween(-1.0, 1.0);
            assertThat(metrics.get("ndcg@10")).isBetween(0.0, 1.0);
        }
        // Titles name the query words by grade, so word overlap already orders the pools well and the model,
        // which sees title coverage, grades them well.
        assertThat(report.rows().get("bm25").get("ndcg@10")).isGreaterThan(0.8);
        assertThat(report.rows().get("aisle").get("qwk")).isGreaterThan(0.7);
        assertThat(progress).anyMatch(m -> m.startsWith("aisle gain share:"));

        Path json = dir.resolve("out/relevance.json");
        report.writeJson(json);
        JsonNode root = Json.mapper().readTree(json.toFile());
        assertThat(root.get("benchmark").asText()).isEqualTo("relevance");
        assertThat(root.get("dataset").asText()).isEqualTo("crowdflower-search");
        assertThat(root.get("machine").has("cores")).isTrue();
        assertThat(root.get("rows").get(2).get("system").asText()).isEqualTo("aisle");
        assertThat(root.get("rows").get(2).get("metrics").has("qwk")).isTrue();

        ByteArrayOutputStream table = new ByteArrayOutputStream();
        report.print(new PrintStream(table, true, StandardCharsets.UTF_8));
        assertThat(table.toString(StandardCharsets.UTF_8)).contains("aisle-lambdamart").contains("ndcg@10");
    }

    @Test
    void a_second_run_reuses_cached_vectors_and_gives_the_same_figures() throws Exception {
        Path csv = SmallCrowdflower.write(dir, 2);
        FakeEmbedder first = new FakeEmbedder();
        RelevanceBenchmark.Options options = new RelevanceBenchmark.Options(csv, dir.resolve("cache"), 3, 1);
        BenchReport a = new RelevanceBenchmark(options, () -> first, m -> {}).run();
        assertThat(first.embedded()).isPositive();
        assertThat(Files.list(dir.resolve("cache"))).hasSize(1);

        FakeEmbedder second = new FakeEmbedder();
        BenchReport b = new RelevanceBenchmark(options.withThreads(2), () -> second, m -> {}).run();
        assertThat(second.embedded()).isZero();
        assertThat(b.rows()).isEqualTo(a.rows());
    }

    @Test
    void refuses_a_missing_data_path_naming_it() {
        RelevanceBenchmark.Options options = RelevanceBenchmark.Options.of(dir.resolve("nowhere")).withCache(dir);
        assertThatThrownBy(() -> new RelevanceBenchmark(options, FakeEmbedder::new, m -> {}).run())
                .isInstanceOf(ValidationException.class).hasMessageContaining("nowhere");
        assertThatThrownBy(() -> new RelevanceBenchmark.Options(null, dir, 3, 1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("--data");
    }
}
