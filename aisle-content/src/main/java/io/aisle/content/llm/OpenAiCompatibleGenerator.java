package io.aisle.content.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import io.aisle.core.port.ChatTurn;
import io.aisle.core.port.GeneratedText;
import io.aisle.core.port.GenerationException;
import io.aisle.core.port.GenerationRequest;
import io.aisle.core.port.GroundingFact;
import io.aisle.core.port.TextGenerator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link TextGenerator} backed by any OpenAI-compatible chat server through langchain4j. The request's
 * instructions become the system message; its facts are listed in a user message ("write in German" when the
 * locale asks, which is how localisation works); the conversation follows. Requests and responses are never
 * logged (they may carry the key in headers and shopper text in bodies).
 */
public final class OpenAiCompatibleGenerator implements TextGenerator {
    private final ChatModel model;
    private final String backend;

    public OpenAiCompatibleGenerator(LlmSettings settings) { this(settings, System::getenv); }

    OpenAiCompatibleGenerator(LlmSettings settings, Function<String, String> env) {
        String key = settings.apiKey(env);
        this.model = OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(key.isEmpty() ? "none" : key)
                .modelName(settings.model())
                .timeout(settings.timeout())
                .maxRetries(settings.maxRetries())
                .logRequests(false)
                .logResponses(false)
                .build();
        this.backend = "openai-compatible:" + settings.model();
    }

    @Override public String backend() { return backend; }

    @Override public GeneratedText generate(GenerationRequest request) {
        List<ChatMessage> messages = new ArrayList<>();
        if (!request.instructions().isEmpty()) messages.add(SystemMessage.from(request.instructions()));
        messages.add(UserMessage.from(factsMessage(request)));
        for (ChatTurn t : request.messages()) {
            messages.add(t.role() == ChatTurn.Role.USER ? UserMessage.from(t.text()) : AiMessage.from(t.text()));
        }
        ChatRequest chat = ChatRequest.builder()
                .messages(messages)
                .parameters(OpenAiChatRequestParameters.builder()
                        .temperature(request.temperature())
                        .seed((int) request.seed())
                        // About four characters a token; a margin so the model is not cut mid-sentence.
                        .maxCompletionTokens(Math.max(16, request.maxChars() / 3))
                        .build())
                .build();
        ChatResponse response;
        try {
            response = model.chat(chat);
        } catch (RuntimeException e) {
            throw new GenerationException(backend + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())), e);
        }
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) throw new GenerationException(backend + " returned no text");
        int tokens = response.tokenUsage() == null || response.tokenUsage().outputTokenCount() == null ? 0
                : response.tokenUsage().outputTokenCount();
        return new GeneratedText(text.strip(), backend, tokens);
    }

    /** The task, language and facts as one message: subjects grouped, one fact a line. */
    static String factsMessage(GenerationRequest request) {
        StringBuilder b = new StringBuilder();
        b.append("Task: ").append(request.task().replace('_', ' ')).append('\n');
        b.append("Language: ").append(request.locale().getDisplayLanguage(Locale.ENGLISH))
                .append(" (").append(request.locale().toLanguageTag()).append(")\n");
        b.append("At most ").append(request.maxChars()).append(" characters.\n");
        Map<String, List<String>> bySubject = new LinkedHashMap<>();
        for (GroundingFact f : request.facts()) {
            bySubject.computeIfAbsent(f.subject(), k -> new ArrayList<>()).add(f.name() + ": " + f.value());
        }
        bySubject.forEach((subject, lines) -> {
            b.append(subject.isEmpty() ? "Facts:\n" : "Facts about " + subject + ":\n");
            for (String l : lines) b.append("- ").append(l).append('\n');
        });
        return b.toString();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
