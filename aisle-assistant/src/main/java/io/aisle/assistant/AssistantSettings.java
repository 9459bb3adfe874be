package io.aisle.assistant;

import java.time.Duration;

/**
 * Limits and tone of the assistant, checked once at start.
 *
 * @param maxTurns         turns kept per conversation (user and assistant messages each count)
 * @param maxConversations conversations kept per shopper; the least recently used goes first
 * @param ttl              idle time after which a conversation is gone
 * @param cards            products shown per answer
 * @param maxMessageChars  longest message accepted
 * @param policies         the shop's policy text the assistant may quote (returns, delivery); empty when none
 */
public record AssistantSettings(int maxTurns, int maxConversations, Duration ttl, int cards, int maxMessageChars,
                                String policies) {
    public AssistantSettings {
        if (maxTurns < 2 || maxTurns > 1_000) throw new IllegalArgumentException("maxTurns must be 2..1000, got " + maxTurns);
        if (maxConversations < 1 || maxConversations > 1_000) throw new IllegalArgumentException("maxConversations must be 1..1000, got " + maxConversations);
        if (ttl == null || ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("ttl must be positive");
        if (cards < 1 || cards > 10) throw new IllegalArgumentException("cards must be 1..10, got " + cards);
        if (maxMessageChars < 10 || maxMessageChars > 10_000) throw new IllegalArgumentException("maxMessageChars must be 10..10000");
        policies = policies == null ? "" : policies.strip();
    }

    public static AssistantSettings defaults() {
        return new AssistantSettings(40, 20, Duration.ofDays(7), 3, 1_000, "");
    }

    public AssistantSettings withPolicies(String text) {
        return new AssistantSettings(maxTurns, maxConversations, ttl, cards, maxMessageChars, text);
    }
}
