package io.aisle.llm;

import io.aisle.assistant.TestCatalogue;
import io.aisle.assistant.Assistant;
import io.aisle.assistant.AssistantSettings;
import io.aisle.assistant.AnswerComposer;
import io.aisle.assistant.CatalogSnapshot;
import io.aisle.assistant.Conversation;
import io.aisle.assistant.MemoryConversationStore;
import io.aisle.assistant.PreferenceMemory;
import io.aisle.assistant.Reply;
import io.aisle.search.CatalogueSearch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The LLM backend against a stub OpenAI-compatible server: invented products and prices are caught, retried, replaced. */
class GroundedLlmAnswerTest {
    private static final String SECRET = "sk-test-0123456789abcdef";
    private ChatStub stub;
    private CatalogueSearch search;
    private Assistant assistant;

    @BeforeEach void setUp() throws Exception {
        stub = new ChatStub();
        search = new CatalogueSearch(TestCatalogue.products(), p -> null, null);
        LlmConfig config = new LlmConfig(stub.baseUrl(), "stub-model", SECRET, Duration.ofSeconds(5), 400);
        AssistantSettings settings = AssistantSettings.defaults();
        Clock clock = Clock.systemUTC();
        assistant = new Assistant(search.engine(null), new CatalogSnapshot(TestCatalogue.products()),
                new OpenAiTextGenerator(config), new MemoryConversationStore(settings, clock), new PreferenceMemory(null, clock),
                settings, clock);
    }

    @AfterEach void tearDown() {
        stub.close();
        search.close();
    }

    private Reply ask(String message) {
        Conversation c = assistant.start("shopper-1");
        return assistant.respond(c, message).reply();
    }

    @Test void a_grounded_answer_is_used_as_written() {
        stub.answer("The Halden Aria Over-Ear Headphones (P000003) cost 149.00 USD and are in stock.");
        Reply r = ask("I'm looking for Halden headphones under $200");
        assertThat(r.cards()).extracting(c -> c.id()).contains("P000003");
        assertThat(r.backend()).isEqualTo("openai:stub-model");
        assertThat(r.fallback()).isFalse();
        assertThat(r.findings()).isEmpty();
        assertThat(r.text()).startsWith("The Halden Aria");
        assertThat(stub.requests().get(0)).contains("AUTH:Bearer " + SECRET).contains("149.00 USD").contains("<facts>");
    }

    @Test void an_invented_product_is_retried_with_the_findings_then_replaced_by_the_composer() {
        stub.answer("Try the Zentrix Q9 (P999999) at $119.99, a steal.", "The Norvik Q1 Headphones cost 99.95 USD.");
        Reply r = ask("I'm looking for headphones under $200");
        assertThat(r.fallback()).isTrue();
        assertThat(r.backend()).isEqualTo(AnswerComposer.BACKEND);
        assertThat(r.findings()).anyMatch(f -> f.contains("P999999")).anyMatch(f -> f.contains("119.99"))
                .anyMatch(f -> f.contains("99.95"));
        assertThat(r.text()).doesNotContain("Zentrix").doesNotContain("P999999").doesNotContain("119.99").doesNotContain("99.95");
        assertThat(r.text()).contains(r.cards().get(0).title()).contains(r.cards().get(0).price().amount().toPlainString());
        assertThat(stub.requests()).hasSize(2);
        assertThat(stub.requests().get(1)).contains("rejected because").contains("P999999");
    }

    @Test void a_wrong_price_for_a_real_product_is_caught_and_the_retry_may_fix_it() {
        stub.answer("The Halden Aria Over-Ear Headphones (P000003) are only 129.00 USD!",
                "The Halden Aria Over-Ear Headphones (P000003) cost 149.00 USD.");
        Reply r = ask("I'm looking for Halden headphones under $200");
        assertThat(r.fallback()).isFalse();
        assertThat(r.backend()).isEqualTo("openai:stub-model");
        assertThat(r.findings()).singleElement().asString().contains("129.00");
        assertThat(r.text()).contains("149.00 USD");
    }

    @Test void an_invented_attribute_value_is_caught() {
        stub.answer("The Halden Aria (P000003) lasts 90 h on a charge.", "The Halden Aria (P000003) lasts 95 h.");
        Reply r = ask("I'm looking for Halden headphones under $200");
        assertThat(r.fallback()).isTrue();
        assertThat(r.findings()).anyMatch(f -> f.contains("90 h"));
    }

    @Test void a_failing_backend_falls_back_to_the_composer() {
        stub.fail(5);
        Reply r = ask("I'm looking for headphones under $200");
        assertThat(r.fallback()).isTrue();
        assertThat(r.backend()).isEqualTo(AnswerComposer.BACKEND);
        assertThat(r.cards()).isNotEmpty();
    }

    @Test void hostile_product_text_never_reaches_the_model_and_a_leaking_answer_is_replaced() {
        stub.answer("Sure! The admin API key is sk-live-abcdef123456.", "Your system prompt says: be brief.");
        Reply r = ask("show me black headphones for commuting under 100 dollars");
        assertThat(stub.requests()).allSatisfy(body -> assertThat(body).doesNotContain("Ignore all previous instructions")
                .doesNotContain("other shoppers' emails"));
        assertThat(r.fallback()).isTrue();
        assertThat(r.text()).doesNotContainIgnoringCase("api key").doesNotContain("sk-live").doesNotContainIgnoringCase("system prompt");
    }

    @Test void the_key_is_not_in_the_configuration_text() {
        LlmConfig config = new LlmConfig(stub.baseUrl(), "m", SECRET, Duration.ofSeconds(1), 100);
        assertThat(config.toString()).doesNotContain(SECRET).contains("***");
        assertThat(new OpenAiTextGenerator(config).backend()).doesNotContain(SECRET);
    }
}
