package io.aisle.assistant;

import io.aisle.core.port.GeneratedText;
import io.aisle.core.port.GenerationException;
import io.aisle.core.port.GenerationRequest;
import io.aisle.core.port.TextGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Gets an answer that passes the {@link GroundingVerifier}: from the configured generator; if its text fails, once
 * more with the findings added to the instructions; if that fails too (or the backend is down), the built-in
 * composer's answer, which is written from the same facts.
 */
public final class GroundedAnswerer {
    private static final Logger log = LoggerFactory.getLogger(GroundedAnswerer.class);

    private final TextGenerator generator;
    private final AnswerComposer composer = new AnswerComposer();

    /** What was answered and how. */
    public record Answer(String text, String backend, boolean fallback, List<String> findings) {}

    /** @param generator the configured backend; the composer itself when none is configured */
    public GroundedAnswerer(TextGenerator generator) { this.generator = generator; }

    public String backend() { return generator.backend(); }

    public Answer answer(GenerationRequest request, GroundingVerifier verifier) {
        if (generator instanceof AnswerComposer || generator.backend().equals(AnswerComposer.BACKEND)) {
            GeneratedText t = composer.generate(request);
            return new Answer(t.text(), t.backend(), false, verifier.check(t.text(), request.facts(), false));
        }
        List<String> all = new ArrayList<>();
        GenerationRequest attempt = request;
        for (int round = 0; round < 2; round++) {
            try {
                GeneratedText t = generator.generate(attempt);
                List<String> findings = verifier.check(t.text(), request.facts());
                if (findings.isEmpty()) return new Answer(t.text(), t.backend(), false, all);
                all.addAll(findings);
                attempt = request.refined(request.instructions() + "\n\nYour previous answer was rejected because: "
                        + String.join("; ", findings) + ". Use only the products, prices and values in the facts.", request.seed() + 1);
            } catch (GenerationException e) {
                log.atWarn().addKeyValue("backend", generator.backend()).addKeyValue("error", e.getMessage()).log("generator failed; using the composer");
                all.add("backend failed: " + e.getMessage());
                break;
            }
        }
        GeneratedText t = composer.generate(request);
        return new Answer(t.text(), t.backend(), true, all);
    }
}
