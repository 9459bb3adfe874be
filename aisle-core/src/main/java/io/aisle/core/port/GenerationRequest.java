package io.aisle.core.port;

import io.aisle.core.validation.Errors;

import java.util.List;
import java.util.Locale;

/**
 * What to write: the task (an output type such as {@code product_description}, or {@code answer} for a
 * conversation), standing instructions (brand voice, rules, feedback from an earlier round), the conversation so
 * far, and the facts the text may state. Backends must not state anything the facts do not support.
 *
 * @param task        what to write, lower-case snake case; the composer supports a fixed set, LLMs take any
 * @param instructions the system prompt: voice, format, what to avoid; may be empty
 * @param messages    the conversation, oldest first; may be empty when the task and facts say enough
 * @param facts       the grounding: every claim in the text must map to one of these
 * @param locale      language and region of the text
 * @param maxChars    the longest acceptable text, in characters
 * @param temperature sampling temperature for LLMs, 0 to 2; the composer ignores it
 * @param seed        picks among equally good phrasings (composer) or seeds sampling (LLMs that support it)
 */
public record GenerationRequest(String task, String instructions, List<ChatTurn> messages, List<GroundingFact> facts,
                                Locale locale, int maxChars, double temperature, long seed) {
    public static final int MAX_CHARS = 20_000;
    private static final java.util.regex.Pattern TASK = java.util.regex.Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public GenerationRequest {
        instructions = instructions == null ? "" : instructions;
        messages = List.copyOf(messages == null ? List.of() : messages);
        facts = List.copyOf(facts == null ? List.of() : facts);
        locale = locale == null ? Locale.ENGLISH : locale;
        Errors errors = new Errors();
        if (task == null || !TASK.matcher(task).matches()) errors.add("task", "must be 1 to 64 lower-case letters, digits or '_', starting with a letter");
        if (maxChars < 1 || maxChars > MAX_CHARS) errors.add("max_chars", "must be 1.." + MAX_CHARS + ", got " + maxChars);
        if (!(temperature >= 0 && temperature <= 2)) errors.add("temperature", "must be 0..2, got " + temperature);
        if (messages.isEmpty() && facts.isEmpty()) errors.add("facts", "send facts or messages: there is nothing to write from");
        errors.throwIfAny();
    }

    /** A request with no conversation: write {@code task} from {@code facts}. */
    public static GenerationRequest of(String task, String instructions, List<GroundingFact> facts, Locale locale,
                                       int maxChars, long seed) {
        return new GenerationRequest(task, instructions, List.of(), facts, locale, maxChars, 0.7, seed);
    }

    /** The values of every fact called {@code name}, in order. */
    public List<String> values(String name) {
        return facts.stream().filter(f -> f.name().equals(name)).map(GroundingFact::value).toList();
    }

    /** The first value of the fact called {@code name}, or empty. */
    public String value(String name) {
        return facts.stream().filter(f -> f.name().equals(name)).map(GroundingFact::value).findFirst().orElse("");
    }

    /** This request with other instructions and seed: what a refinement round sends. */
    public GenerationRequest refined(String newInstructions, long newSeed) {
        return new GenerationRequest(task, newInstructions, messages, facts, locale, maxChars, temperature, newSeed);
    }
}
