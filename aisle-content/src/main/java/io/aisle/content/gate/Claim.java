package io.aisle.content.gate;

/**
 * A factual statement found in a text: what kind it is, the words as written, and the canonical form looked up in
 * the facts (English lower case for lexicon words, the number for numbers).
 */
public record Claim(Kind kind, String written, String canonical) {
    /** The kinds of claim the grounding gate checks. */
    public enum Kind { NUMBER, MATERIAL, COLOUR, SIZE, PROPERTY, NAME }
}
