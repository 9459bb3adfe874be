package io.aisle.pricing.guard;

import java.util.List;

/** No price satisfies a product's (or a family's) guardrails; the message names the guardrails in conflict. */
public final class InfeasibleGuardrailsException extends RuntimeException {
    private final String productId;
    private final List<String> conflicting;

    public InfeasibleGuardrailsException(String productId, List<String> conflicting, String message) {
        super(message);
        this.productId = productId;
        this.conflicting = List.copyOf(conflicting);
    }

    public String productId() { return productId; }

    /** Names of the guardrails that cannot all hold. */
    public List<String> conflicting() { return conflicting; }
}
