package io.aisle.assistant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The file store: durable across instances, owned, bounded in turns, conversations and idle time. */
class ConversationStoreTest {
    @TempDir Path dir;

    /** A clock tests move by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(java.time.ZoneId zone) { return this; }

        @Override public Instant instant() { return now; }
    }

    private final HandClock clock = new HandClock();
    private final AssistantSettings settings = new AssistantSettings(4, 2, Duration.ofHours(1), 3, 1_000, "");

    @Test void a_conversation_survives_a_restart_and_only_its_shopper_reads_it() {
        FileConversationStore store = new FileConversationStore(dir, settings, clock);
        Conversation c = store.create("alice");
        long t = clock.millis();
        Conversation next = c.after(Turn.user("laptops", t), new Turn(Turn.ASSISTANT, "Here", "find", List.of("P1"), t),
                new Constraints("laptop", "Laptops", null, 900.0, List.of("Norvik"), List.of(), List.of(), null, List.of()),
                List.of("P1", "P2"), null, settings.maxTurns());
        store.save(next);
        FileConversationStore reopened = new FileConversationStore(dir, settings, clock);
        assertThat(reopened.get("alice", c.id())).contains(next);
        assertThat(reopened.get("bob", c.id())).isEmpty();
        assertThat(reopened.get("alice", "../../etc/passwd")).isEmpty();
    }

    @Test void keeps_the_latest_turns_only() {
        Conversation c = Conversation.start("c-1", "alice", 0);
        for (int i = 0; i < 5; i++) {
            c = c.after(Turn.user("u" + i, i), new Turn(Turn.ASSISTANT, "a" + i, "find", List.of(), i), Constraints.none(), List.of(), null, settings.maxTurns());
        }
        assertThat(c.turns()).extracting(Turn::text).containsExactly("u3", "a3", "u4", "a4");
    }

    @Test void the_oldest_conversation_goes_beyond_the_per_shopper_limit() throws Exception {
        FileConversationStore store = new FileConversationStore(dir, settings, clock);
        Conversation first = store.create("alice");
        java.nio.file.Files.list(dir).forEach(d -> { }); // folders exist
        Thread.sleep(20); // file times order the conversations
        Conversation second = store.create("alice");
        Thread.sleep(20);
        Conversation third = store.create("alice");
        assertThat(store.get("alice", first.id())).isEmpty();
        assertThat(store.get("alice", second.id())).isPresent();
        assertThat(store.get("alice", third.id())).isPresent();
        assertThat(store.create("bob")).isNotNull();
        assertThat(store.get("alice", third.id())).isPresent();
    }

    @Test void an_idle_conversation_expires() {
        FileConversationStore store = new FileConversationStore(dir, settings, clock);
        Conversation c = store.create("alice");
        clock.now = clock.now.plus(Duration.ofMinutes(59));
        assertThat(store.get("alice", c.id())).isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThat(store.get("alice", c.id())).isEmpty();
    }

    @Test void the_memory_store_has_the_same_bounds() {
        MemoryConversationStore store = new MemoryConversationStore(settings, clock);
        Conversation a = store.create("alice");
        clock.now = clock.now.plusSeconds(1);
        store.create("alice");
        clock.now = clock.now.plusSeconds(1);
        store.create("alice");
        assertThat(store.get("alice", a.id())).isEmpty();
        Conversation b = store.create("bob");
        assertThat(store.get("alice", b.id())).isEmpty();
        clock.now = clock.now.plus(Duration.ofHours(2));
        assertThat(store.get("bob", b.id())).isEmpty();
    }
}
