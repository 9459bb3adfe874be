package io.aisle.store.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedStorageTest {
    @TempDir Path dir;

    @Test void a_second_open_of_a_locked_data_dir_fails_naming_the_dir() {
        Path data = dir.resolve("data");
        try (EmbeddedStorage first = EmbeddedStorage.open(data, Fixtures.options())) {
            assertThatThrownBy(() -> EmbeddedStorage.open(data, Fixtures.options()))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining(data.toAbsolutePath().toString())
                    .hasMessageContaining("in use");
            first.events().append(List.of(Fixtures.view("e1", "alice")));
        }
        // A clean close checkpoints the WAL away: the directory holds plain database files.
        assertThat(data.resolve("events.db-wal")).doesNotExist();
        try (EmbeddedStorage again = EmbeddedStorage.open(data, Fixtures.options())) {
            assertThat(again.events().count()).isEqualTo(1);
        }
    }

    @Test void another_process_cannot_open_the_data_dir_while_it_is_locked() throws Exception {
        try (EmbeddedStorage holder = EmbeddedStorage.open(dir, Fixtures.options())) {
            assertThat(holder.dataDir()).isEqualTo(dir);
            // A second JVM, as a second server started on the same directory would be.
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), LockProbe.class.getName(), dir.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as(out).isEqualTo(3);
            assertThat(out).contains("in use");
        }
    }

    @Test void reopening_applies_no_migration_twice() throws Exception {
        EmbeddedStorage.open(dir, Fixtures.options()).close();
        EmbeddedStorage.open(dir, Fixtures.options()).close();
        assertThat(versions(dir.resolve("events.db"))).containsExactly(1);
        assertThat(versions(dir.resolve("aisle.db"))).containsExactly(1, 2);
    }

    @Test void refuses_a_database_written_by_a_newer_schema() throws Exception {
        EmbeddedStorage.open(dir, Fixtures.options()).close();
        Fixtures.sql(dir.resolve("aisle.db"), "INSERT INTO schema_version VALUES (99, 'from the future', 0)");
        assertThatThrownBy(() -> EmbeddedStorage.open(dir, Fixtures.options()))
                .isInstanceOf(StorageException.class).hasMessageContaining("schema version 99");
        // The failed open released the lock and closed what it had opened.
        Fixtures.sql(dir.resolve("aisle.db"), "DELETE FROM schema_version WHERE version = 99");
        EmbeddedStorage.open(dir, Fixtures.options()).close();
    }

    @Test void options_refuse_nonsense() {
        assertThatThrownBy(() -> EmbeddedStorage.Options.defaults().withMaxPendingEvents(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPendingEvents");
        assertThatThrownBy(() -> EmbeddedStorage.Options.defaults().withReadConnections(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readConnections");
    }

    private static List<Integer> versions(Path db) throws Exception {
        List<Integer> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery("SELECT version FROM schema_version ORDER BY version")) {
            while (rs.next()) out.add(rs.getInt(1));
        }
        return out;
    }

    /** Run in a child JVM: exits 3 when the directory is reported in use, 0 if it could open it. */
    public static final class LockProbe {
        public static void main(String[] args) {
            try (EmbeddedStorage s = EmbeddedStorage.open(Path.of(args[0]))) {
                System.out.println("opened " + s.dataDir());
                System.exit(0);
            } catch (StorageException e) {
                System.out.println(e.getMessage());
                System.exit(3);
            }
        }
    }
}
