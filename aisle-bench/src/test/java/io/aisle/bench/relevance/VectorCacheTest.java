package io.aisle.bench.relevance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VectorCacheTest {
    @TempDir Path dir;

    @Test
    void embeds_each_text_once_across_instances_and_keeps_the_order_asked() {
        FakeEmbedder encoder = new FakeEmbedder();
        List<float[]> first = new VectorCache(encoder, dir, m -> {}).vectors(List.of("red socks", "blue lamp", "red socks"));
        assertThat(encoder.embedded()).isEqualTo(2);
        FakeEmbedder again = new FakeEmbedder();
        List<float[]> second = new VectorCache(again, dir, m -> {}).vectors(List.of("blue lamp", "red socks", "green mug"));
        assertThat(again.embedded()).isEqualTo(1);
        assertThat(second.get(0)).containsExactly(first.get(1));
        assertThat(second.get(1)).containsExactly(first.get(0));
        assertThat(first.get(2)).containsExactly(first.get(0));
    }

    @Test
    void a_damaged_cache_file_is_ignored_and_rebuilt() throws Exception {
        VectorCache cache = new VectorCache(new FakeEmbedder(), dir, m -> {});
        cache.vectors(List.of("red socks"));
        byte[] bytes = Files.readAllBytes(cache.file());
        Files.write(cache.file(), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        FakeEmbedder encoder = new FakeEmbedder();
        assertThat(new VectorCache(encoder, dir, m -> {}).vectors(List.of("red socks"))).hasSize(1);
        assertThat(encoder.embedded()).isEqualTo(1);
        assertThat(Files.size(cache.file())).isEqualTo(bytes.length);
    }
}
