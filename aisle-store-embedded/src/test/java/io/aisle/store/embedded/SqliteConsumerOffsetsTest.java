package io.aisle.store.embedded;

import io.aisle.core.validation.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteConsumerOffsetsTest {
    @TempDir Path dir;

    @Test void committed_offsets_survive_a_restart_and_reset_forgets_them() {
        try (EmbeddedStorage storage = EmbeddedStorage.open(dir, Fixtures.options())) {
            SqliteConsumerOffsets offsets = storage.offsets();
            assertThat(offsets.committed("search-index")).isZero();
            offsets.commit("search-index", 120);
            offsets.commit("search-index", 150);
            offsets.commit("features", 7);
        }
        try (EmbeddedStorage storage = EmbeddedStorage.open(dir, Fixtures.options())) {
            SqliteConsumerOffsets offsets = storage.offsets();
            assertThat(offsets.committed("search-index")).isEqualTo(150);
            assertThat(offsets.committed("features")).isEqualTo(7);
            offsets.reset("search-index");
            assertThat(offsets.committed("search-index")).isZero();
            assertThat(offsets.committed("features")).isEqualTo(7);
        }
    }

    @Test void refuses_bad_consumer_names_and_negative_offsets() {
        try (EmbeddedStorage storage = EmbeddedStorage.open(dir, Fixtures.options())) {
            assertThatThrownBy(() -> storage.offsets().commit(" ", 1)).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> storage.offsets().commit("features", -1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
