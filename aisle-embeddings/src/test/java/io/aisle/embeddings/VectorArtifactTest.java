package io.aisle.embeddings;

import io.aisle.core.catalog.ProductId;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VectorArtifactTest {

    @Test
    void round_trips_ids_hashes_matrix_and_extras() {
        var a = new VectorArtifact(3, List.of(ProductId.of("P1"), ProductId.of("Größe-2")),
                new float[]{1, 2, 3, -4, 5.5f, Float.MIN_VALUE}, new long[]{Long.MIN_VALUE, 7}, new double[]{0.25, -1});
        var b = VectorArtifact.decode(a.encode());
        assertThat(b.dimension()).isEqualTo(3);
        assertThat(b.ids()).isEqualTo(a.ids());
        assertThat(b.matrix()).isEqualTo(a.matrix());
        assertThat(b.hashes()).isEqualTo(a.hashes());
        assertThat(b.extras()).isEqualTo(a.extras());
    }

    @Test
    void round_trips_without_hashes_or_rows() {
        var empty = VectorArtifact.decode(new VectorArtifact(4, List.of(), new float[0], null, null).encode());
        assertThat(empty.ids()).isEmpty();
        assertThat(empty.hashes()).isNull();
        assertThat(empty.extras()).isEmpty();
    }

    @Test
    void refuses_truncated_or_foreign_bytes() {
        byte[] bytes = new VectorArtifact(2, List.of(ProductId.of("P1")), new float[]{1, 2}, null, null).encode();
        assertThatThrownBy(() -> VectorArtifact.decode(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> VectorArtifact.decode("hello, world, this is text".getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("magic");
    }

    @Test
    void refuses_a_matrix_that_does_not_match_the_ids() {
        assertThatThrownBy(() -> new VectorArtifact(2, List.of(ProductId.of("P1")), new float[3], null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
