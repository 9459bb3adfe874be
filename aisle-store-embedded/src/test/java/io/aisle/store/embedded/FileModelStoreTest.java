package io.aisle.store.embedded;

import io.aisle.core.port.ModelVersion;
import io.aisle.core.port.NotFoundException;
import io.aisle.core.validation.ValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.aisle.store.embedded.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileModelStoreTest {
    @TempDir Path dir;
    private EmbeddedStorage storage;
    private FileModelStore models;

    @BeforeEach void open() {
        storage = EmbeddedStorage.open(dir, Fixtures.options());
        models = storage.models();
    }

    @AfterEach void close() { storage.close(); }

    @Test void each_save_is_a_new_version_and_old_versions_stay_readable() {
        ModelVersion v1 = models.save("recs.ease", bytes("first"), Map.of("ndcg@10", "0.31"));
        ModelVersion v2 = models.save("recs.ease", bytes("second"), Map.of());
        models.save("other", bytes("x"), Map.of());
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v1.createdAt()).isEqualTo(NOW);
        assertThat(v1.sizeBytes()).isEqualTo(5);
        assertThat(v1.sha256()).isEqualTo("a7937b64b8caa58f03721bb6bacf5c78cb235febe0e70b1b84cd99541461a08e");
        assertThat(Files.exists(dir.resolve("models/recs.ease/2.bin"))).isTrue();

        storage.close();
        open();
        assertThat(models.latest("recs.ease")).contains(v2);
        assertThat(models.find("recs.ease", 1)).contains(v1);
        assertThat(models.find("recs.ease", 3)).isEmpty();
        assertThat(models.versions("recs.ease")).containsExactly(v1, v2);
        assertThat(models.latest("nothing")).isEmpty();
        assertThat(new String(models.load(v1), StandardCharsets.UTF_8)).isEqualTo("first");
        assertThat(new String(models.load(v2), StandardCharsets.UTF_8)).isEqualTo("second");
    }

    @Test void a_corrupted_artifact_is_refused_on_load() throws Exception {
        ModelVersion v1 = models.save("ranker", bytes("weights: 0.1 0.2 0.3"), Map.of());
        Path file = dir.resolve("models/ranker/1.bin");
        byte[] raw = Files.readAllBytes(file);
        raw[3] ^= 0x01; // one flipped bit, same size
        Files.write(file, raw);
        assertThatThrownBy(() -> models.load(v1)).isInstanceOf(StorageException.class)
                .hasMessageContaining("ranker version 1 is corrupt").hasMessageContaining(v1.sha256());
        Files.delete(file);
        assertThatThrownBy(() -> models.load(v1)).isInstanceOf(StorageException.class).hasMessageContaining("missing");
    }

    @Test void a_version_the_store_never_saved_is_not_found() {
        ModelVersion made_up = new ModelVersion("ranker", 9, Instant.EPOCH, 1, "00", Map.of());
        assertThatThrownBy(() -> models.load(made_up)).isInstanceOf(NotFoundException.class);
    }

    @Test void refuses_model_names_that_are_not_safe_file_names() {
        for (String bad : List.of("", "Ranker", "../etc", ".hidden", "a/b", "x".repeat(65), "with space")) {
            assertThatThrownBy(() -> models.save(bad, bytes("x"), Map.of()))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.errors().getFirst().field()).isEqualTo("name"));
        }
        assertThatThrownBy(() -> models.latest(null)).isInstanceOf(ValidationException.class);
        assertThat(models.save("a-b_c.d9", bytes("ok"), Map.of()).version()).isEqualTo(1);
    }

    @Test void concurrent_saves_get_distinct_versions() throws Exception {
        List<Future<ModelVersion>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 10; i++) {
                int n = i;
                futures.add(pool.submit(() -> models.save("ranker", bytes("v" + n), Map.of())));
            }
        }
        List<Integer> versions = new ArrayList<>();
        for (Future<ModelVersion> f : futures) versions.add(f.get().version());
        assertThat(versions).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        for (ModelVersion v : models.versions("ranker")) assertThat(models.load(v)).hasSize((int) v.sizeBytes());
    }

    @Test void leftover_temporary_files_from_a_crash_are_removed_at_open() throws Exception {
        models.save("ranker", bytes("v1"), Map.of());
        Path leftover = dir.resolve("models/ranker/.2.bin.12345.tmp");
        Files.write(leftover, bytes("half written"));
        storage.close();
        open();
        assertThat(leftover).doesNotExist();
        assertThat(models.save("ranker", bytes("v2"), Map.of()).version()).isEqualTo(2);
    }

    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
