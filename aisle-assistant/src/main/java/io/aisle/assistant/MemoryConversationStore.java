package io.aisle.assistant;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Conversations in memory, with the same bounds as the file store: for benchmarks and tests. */
public final class MemoryConversationStore implements ConversationStore {
    private final AssistantSettings settings;
    private final Clock clock;
    private final Map<String, Conversation> byId = new HashMap<>();

    public MemoryConversationStore(AssistantSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override public synchronized Conversation create(String shopperId) {
        var own = byId.values().stream().filter(c -> c.shopperId().equals(shopperId))
                .sorted(Comparator.comparingLong(Conversation::updatedAtMs)).toList();
        for (int k = 0; k <= own.size() - settings.maxConversations(); k++) byId.remove(own.get(k).id());
        Conversation c = Conversation.start("c-" + UUID.randomUUID(), shopperId, clock.millis());
        byId.put(c.id(), c);
        return c;
    }

    @Override public synchronized Optional<Conversation> get(String shopperId, String conversationId) {
        Conversation c = byId.get(conversationId);
        if (c == null || !c.shopperId().equals(shopperId)) return Optional.empty();
        if (c.updatedAtMs() + settings.ttl().toMillis() < clock.millis()) {
            byId.remove(conversationId);
            return Optional.empty();
        }
        return Optional.of(c);
    }

    @Override public synchronized void save(Conversation conversation) { byId.put(conversation.id(), conversation); }
}
