package io.aisle.content.pipeline;

import io.aisle.core.port.GeneratedText;
import io.aisle.core.port.GenerationRequest;
import io.aisle.core.port.TextGenerator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A generator answering from a script (request number to text), recording every request. */
final class ScriptedGenerator implements TextGenerator {
    final List<GenerationRequest> requests = new ArrayList<>();
    private final Function<Integer, String> script;

    ScriptedGenerator(Function<Integer, String> script) { this.script = script; }

    @Override public String backend() { return "scripted"; }

    @Override public synchronized GeneratedText generate(GenerationRequest request) {
        requests.add(request);
        return new GeneratedText(script.apply(requests.size() - 1), backend(), 0);
    }
}
