package io.aisle.bench.assistant;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The assistant benchmark on a small catalogue: it runs, reports the row DESIGN.md names, and rejects bad options. */
class AssistantBenchmarkTest {
    @Test void reports_the_aisle_row_with_every_metric() {
        List<String> progress = new ArrayList<>();
        var report = new AssistantBenchmark(new AssistantBenchmark.Options(300, 12, 3, false), progress::add).run();
        Map<String, Double> row = report.rows().get("aisle");
        assertThat(row).containsKeys("dialogues", "constraint_satisfaction", "hallucinations", "entity_accuracy",
                "intent_accuracy", "p95_ms");
        assertThat(row.get("dialogues")).isEqualTo(12.0);
        assertThat(row.get("constraint_satisfaction")).isBetween(0.0, 1.0);
        assertThat(row.get("hallucinations")).isZero();
        assertThat(progress).anyMatch(p -> p.contains("turns"));
    }

    @Test void rejects_options_it_cannot_run() {
        assertThatThrownBy(() -> new AssistantBenchmark.Options(10, 5, 1, false)).hasMessageContaining("--products");
        assertThatThrownBy(() -> new AssistantBenchmark.Options(500, 0, 1, false)).hasMessageContaining("--dialogues");
    }
}
