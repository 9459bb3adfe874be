package io.aisle.content.llm;

import io.aisle.core.validation.Errors;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * How to reach an OpenAI-compatible chat server (OpenAI, vLLM, llama.cpp server, Ollama's /v1): base URL, model and
 * the name of the environment variable holding the API key. The key itself is read once from the environment and
 * never printed: {@link #toString} shows only whether one is set.
 *
 * @param apiKeyEnv environment variable with the key; servers without auth may leave it unset
 */
public record LlmSettings(String baseUrl, String model, String apiKeyEnv, Duration timeout, int maxRetries) {
    public static final String DEFAULT_KEY_ENV = "AISLE_LLM_API_KEY";

    public LlmSettings {
        apiKeyEnv = apiKeyEnv == null || apiKeyEnv.isBlank() ? DEFAULT_KEY_ENV : apiKeyEnv;
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        Errors errors = new Errors();
        if (baseUrl == null || baseUrl.isBlank()) errors.add("llm.base_url", "is required, e.g. http://localhost:8000/v1");
        else {
            try {
                URI u = URI.create(baseUrl);
                if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) errors.add("llm.base_url", "must be an http or https URL, got " + baseUrl);
            } catch (IllegalArgumentException e) {
                errors.add("llm.base_url", "is not a URL: " + e.getMessage());
            }
        }
        if (model == null || model.isBlank()) errors.add("llm.model", "is required, e.g. gpt-4o-mini or the name the server loaded");
        if (timeout.isNegative() || timeout.isZero()) errors.add("llm.timeout", "must be positive");
        if (maxRetries < 0 || maxRetries > 10) errors.add("llm.max_retries", "must be 0..10, got " + maxRetries);
        errors.throwIfAny();
    }

    /** The key from the environment, or empty when the variable is unset. */
    String apiKey(Function<String, String> env) {
        String key = env.apply(apiKeyEnv);
        return key == null ? "" : key;
    }

    /** Settings from {@code AISLE_LLM_BASE_URL}, {@code AISLE_LLM_MODEL} and the key variable, when a base URL is set. */
    public static java.util.Optional<LlmSettings> fromEnvironment(Map<String, String> env) {
        String url = env.get("AISLE_LLM_BASE_URL");
        if (url == null || url.isBlank()) return java.util.Optional.empty();
        return java.util.Optional.of(new LlmSettings(url, env.getOrDefault("AISLE_LLM_MODEL", ""), DEFAULT_KEY_ENV, null, 2));
    }

    @Override public String toString() {
        return "LlmSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKeyEnv=" + apiKeyEnv + ", timeout=" + timeout
                + ", maxRetries=" + maxRetries + "]";
    }
}
