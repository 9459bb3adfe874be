package io.aisle.assistant;

import java.util.Locale;

/** What a shopper's message asks for; each intent has one handler in {@link Assistant}. */
public enum Intent {
    /** Find products: "a laptop under $800 for video editing". */
    FIND,
    /** Compare products already shown or named: "compare the first two". */
    COMPARE,
    /** A question about one product: "does the second one have a backlit keyboard?". */
    QUESTION,
    /** Narrow or change the last search: "only Sonorra", "cheaper ones". */
    REFINE,
    /** Shop policies and orders: returns, shipping, where is my order. */
    POLICY,
    /** Anything else, including attempts to make the assistant act outside shopping. */
    OUT_OF_SCOPE;

    /** The wire name, lower case ("out_of_scope"). */
    public String wire() { return name().toLowerCase(Locale.ROOT); }
}
