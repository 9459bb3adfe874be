package io.aisle.recommend.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceFileTest {
    @TempDir Path dir;

    @Test void reads_one_user_per_line_and_one_interaction_per_line() throws Exception {
        Path a = Files.writeString(dir.resolve("a.txt"), "u1 10 11 12\nu2 11 13\n");
        Path b = Files.writeString(dir.resolve("b.txt"), "u1 10\nu1 11\nu1 12\nu2\t11\nu2 13\n\n");
        for (Path p : List.of(a, b)) {
            SequenceFile.Loaded l = SequenceFile.read(p);
            assertThat(l.users()).containsExactly("u1", "u2");
            assertThat(l.sequences().history(0)).containsExactly(0, 1, 2);
            assertThat(l.sequences().history(1)).containsExactly(1, 3);
            assertThat(l.items().id(3)).isEqualTo("13");
        }
    }

    @Test void a_line_without_items_is_named_in_the_error() throws Exception {
        Path p = Files.writeString(dir.resolve("bad.txt"), "u1 1 2\nu2\n");
        assertThatThrownBy(() -> SequenceFile.read(p)).hasMessageContaining("line 2");
        Path empty = Files.writeString(dir.resolve("empty.txt"), "\n");
        assertThatThrownBy(() -> SequenceFile.read(empty)).hasMessageContaining("no user histories");
    }

    @Property(tries = 200)
    void whatever_histories_are_written_are_read_back(@ForAll @Size(min = 1, max = 8) List<@Size(min = 1, max = 6) List<@IntRange(min = 1, max = 40) Integer>> users)
            throws Exception {
        StringBuilder text = new StringBuilder();
        for (int u = 0; u < users.size(); u++) {
            text.append("user").append(u);
            for (int i : users.get(u)) text.append(' ').append(i);
            text.append('\n');
        }
        Path p = Files.createTempFile("seq", ".txt");
        try {
            Files.writeString(p, text);
            SequenceFile.Loaded l = SequenceFile.read(p);
            assertThat(l.sequences().users()).isEqualTo(users.size());
            for (int u = 0; u < users.size(); u++) {
                int[] h = l.sequences().history(u);
                assertThat(h).hasSize(users.get(u).size());
                for (int k = 0; k < h.length; k++) assertThat(l.items().id(h[k])).isEqualTo(String.valueOf(users.get(u).get(k)));
            }
        } finally {
            Files.deleteIfExists(p);
        }
    }
}
