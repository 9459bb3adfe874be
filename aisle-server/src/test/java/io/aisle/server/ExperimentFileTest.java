package io.aisle.server;

import io.aisle.core.experiment.Experiment;
import io.aisle.core.experiment.Variant;
import io.aisle.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Experiment definitions kept in the data directory: read back whole, replaced in place, refused when damaged. */
class ExperimentFileTest {
    private static final Instant T0 = Instant.parse("2025-06-01T10:00:00.123Z");

    @TempDir Path dir;

    private static Experiment experiment(String id) {
        return Experiment.start(id, "d", "search", 0.25, List.of(Variant.control("a", 1),
                Variant.treatment("b", 3).withConfig(Map.of("model", "ease", "k", "100"))), T0);
    }

    @Test void what_is_put_is_read_back_after_reopening_in_the_same_order() throws Exception {
        ExperimentFile file = new ExperimentFile(dir, Json.mapper());
        assertThat(file.all()).isEmpty();
        Experiment first = experiment("first");
        Experiment second = experiment("second");
        file.put(first);
        file.put(second);
        Experiment stopped = first.stop(T0.plusSeconds(3600));
        file.put(stopped);

        assertThat(new ExperimentFile(dir, Json.mapper()).all()).containsExactly(stopped, second);
        assertThat(file.all()).containsExactly(stopped, second);
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly(ExperimentFile.NAME); // no temp files
        }
    }

    @Test void a_damaged_file_fails_the_start_naming_the_file_and_the_entry() throws Exception {
        Files.writeString(dir.resolve(ExperimentFile.NAME), """
                {"experiments": [{"id": "ok", "variants": [], "status": "running", "started_at": "2025-01-01T00:00:00Z"}]}
                """);
        assertThatThrownBy(() -> new ExperimentFile(dir, Json.mapper()))
                .hasMessageContaining(ExperimentFile.NAME).hasMessageContaining("experiments[0]").hasMessageContaining("variants");
        Files.writeString(dir.resolve(ExperimentFile.NAME), "[]");
        assertThatThrownBy(() -> new ExperimentFile(dir, Json.mapper())).hasMessageContaining(ExperimentFile.NAME);
    }
}
