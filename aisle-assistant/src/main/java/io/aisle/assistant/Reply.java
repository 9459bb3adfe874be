package io.aisle.assistant;

import java.util.List;

/**
 * The assistant's answer to one message.
 *
 * @param text      the answer, verified against the catalogue facts it was written from
 * @param cards     the products the answer is about, in the order it names them
 * @param resolved  the products the message referred to ("the second one"), by id
 * @param backend   the generator whose text was used ("composer", "openai:...")
 * @param fallback  true when the configured generator's text failed verification twice and the built-in one was used
 * @param findings  what the verifier found wrong with rejected texts (empty when the first text passed)
 * @param saved     preferences saved to the shopper's profile from this message ("budget", "liked_brands")
 */
public record Reply(String conversationId, Intent intent, String text, List<ProductCard> cards, List<String> resolved,
                    Constraints constraints, String backend, boolean fallback, List<String> findings, List<String> saved) {
    public Reply {
        cards = List.copyOf(cards);
        resolved = List.copyOf(resolved);
        findings = List.copyOf(findings);
        saved = List.copyOf(saved);
    }
}
