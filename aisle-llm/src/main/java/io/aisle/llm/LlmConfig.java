package io.aisle.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach an OpenAI-compatible chat server, set by the operator: base URL, model, API key, timeout and output
 * cap. Read from the environment ({@value #ENV_BASE_URL}, {@value #ENV_MODEL}, {@value #ENV_API_KEY},
 * {@value #ENV_TIMEOUT_S}); validated once, and the key never appears in {@link #toString()} or logs.
 */
public record LlmConfig(String baseUrl, String model, String apiKey, Duration timeout, int maxOutputTokens) {
    public static final String ENV_BASE_URL = "AISLE_LLM_BASE_URL";
    public static final String ENV_MODEL = "AISLE_LLM_MODEL";
    public static final String ENV_API_KEY = "AISLE_LLM_API_KEY";
    public static final String ENV_TIMEOUT_S = "AISLE_LLM_TIMEOUT_S";

    public LlmConfig {
        if (baseUrl == null || baseUrl.isBlank()) throw new IllegalArgumentException(ENV_BASE_URL + " is required (e.g. http://localhost:8000/v1)");
        URI uri;
        try {
            uri = URI.create(baseUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENV_BASE_URL + " is not a URL: " + e.getMessage());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException(ENV_BASE_URL + " must be an http or https URL, got scheme '" + uri.getScheme() + "'");
        }
        baseUrl = baseUrl.strip();
        if (model == null || model.isBlank()) throw new IllegalArgumentException(ENV_MODEL + " is required (the served model's name)");
        // Local servers (vLLM, llama.cpp) accept any key; OpenAI itself rejects a missing one at the first call.
        apiKey = apiKey == null || apiKey.isBlank() ? "none" : apiKey.strip();
        if (timeout == null || timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException(ENV_TIMEOUT_S + " must be a positive number of seconds");
        if (maxOutputTokens < 16 || maxOutputTokens > 32_768) throw new IllegalArgumentException("maxOutputTokens must be 16..32768, got " + maxOutputTokens);
    }

    /** The configuration in {@code env}, or empty when no base URL is set (the LLM backend is off). */
    public static Optional<LlmConfig> fromEnv(Map<String, String> env) {
        String url = env.get(ENV_BASE_URL);
        if (url == null || url.isBlank()) return Optional.empty();
        String t = env.getOrDefault(ENV_TIMEOUT_S, "30");
        Duration timeout;
        try {
            timeout = Duration.ofMillis(Math.round(Double.parseDouble(t.strip()) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ENV_TIMEOUT_S + " must be a number of seconds, got '" + t + "'");
        }
        return Optional.of(new LlmConfig(url, env.get(ENV_MODEL), env.get(ENV_API_KEY), timeout, 800));
    }

    @Override public String toString() {
        return "LlmConfig[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey.equals("none") ? "none" : "***")
                + ", timeout=" + timeout + ", maxOutputTokens=" + maxOutputTokens + "]";
    }
}
