package io.aisle.assistant;

import java.util.Optional;

/**
 * Where conversations are kept, bounded: turns per conversation, conversations per shopper (the oldest goes) and
 * an idle time after which a conversation is gone. A conversation is only ever returned to its own shopper.
 */
public interface ConversationStore {

    /** A new, empty conversation for the shopper; may evict the shopper's least recently used one. */
    Conversation create(String shopperId);

    /** The conversation when it exists, is not expired and belongs to {@code shopperId}; otherwise empty. */
    Optional<Conversation> get(String shopperId, String conversationId);

    /** Stores the conversation's new state (replacing the old one whole). */
    void save(Conversation conversation);
}
