package io.aisle.core.port;

/**
 * Writes text from a request: the content studio asks it for product copy, the shopping assistant for answers. Two
 * kinds of backend implement it: a built-in, offline, deterministic composer working from the request's grounding
 * facts, and LLM providers. Whatever the backend, callers verify the text against the facts they sent before using
 * it: a generator may state things the facts do not support.
 */
public interface TextGenerator {

    /** Names the backend and, where it has one, its model ("composer", "openai:gpt-4o-mini"). */
    String backend();

    /**
     * The text for {@code request}. Deterministic backends return the same text for the same request (seed
     * included); LLM backends try to but need not.
     *
     * @throws GenerationException when the backend cannot answer (unreachable, refused, unsupported task)
     */
    GeneratedText generate(GenerationRequest request);
}
