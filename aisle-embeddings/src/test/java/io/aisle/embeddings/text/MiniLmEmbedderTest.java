package io.aisle.embeddings.text;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.aisle.embeddings.SharedEncoder;
import io.aisle.embeddings.Vectors;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MiniLmEmbedderTest {
    private final MiniLmEmbedder encoder = SharedEncoder.get();

    @Test
    void gives_the_same_unit_vector_for_the_same_text() {
        float[] a = encoder.embed("waterproof hiking boots");
        float[] b = encoder.embed("waterproof hiking boots");
        assertThat(a).hasSize(384).isEqualTo(b);
        assertThat(Vectors.norm(a)).isCloseTo(1.0, within(1e-5));
        assertThat(encoder.dimension()).isEqualTo(384);
        assertThat(encoder.modelId()).isEqualTo("all-minilm-l6-v2-q");
    }

    @Test
    void batch_gives_the_vectors_of_single_calls_in_order() {
        List<String> texts = List.of("espresso machine", "dog food for puppies", "a novel about the sea");
        List<float[]> batch = encoder.embedAll(texts);
        assertThat(batch).hasSize(3);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(Vectors.cosine(batch.get(i), encoder.embed(texts.get(i)))).isCloseTo(1.0, within(1e-6));
        }
    }

    @Test
    void puts_running_shoes_closer_to_a_running_shoe_than_to_a_coffee_maker() {
        float[] query = encoder.embed("running shoes");
        float[] shoe = encoder.embed("Stridex Aero 3 Men's Running Shoe, neutral cushioning, 8 mm drop. Category: Shoes > Running Shoes.");
        float[] coffee = encoder.embed("Brewhaus Barista One Drip Coffee Maker, 1.5 l, Black. Category: Home > Kitchen > Coffee Makers.");
        double toShoe = Vectors.dot(query, shoe), toCoffee = Vectors.dot(query, coffee);
        System.out.printf("running shoes: cos to shoe %.3f, to coffee maker %.3f%n", toShoe, toCoffee);
        assertThat(toShoe).isGreaterThan(toCoffee + 0.2);
    }

    @Test
    void gives_the_vectors_of_the_library_encoder_it_replaced() {
        // Stored content vectors made by langchain4j's own encoder must stay valid: same model id, same vectors.
        var library = new AllMiniLmL6V2QuantizedEmbeddingModel();
        List<String> texts = List.of("running shoes", "Café crème, naïve résumé: Straße 東京 😀",
                "Stridex Aero 3 Men's Running Shoe. Brand: Stridex. Category: Shoes > Running Shoes. Good for: road running; "
                        + "drop: 8 mm; waterproof. A light neutral trainer for daily miles.",
                "a very long product description that goes on ".repeat(40), "x", "USB-C 65W GaN charger (2-pack) #A1234/B");
        List<float[]> ours = encoder.embedAll(texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] theirs = library.embed(texts.get(i)).content().vector();
            assertThat(Vectors.cosine(ours.get(i), theirs)).as(texts.get(i)).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void refuses_blank_text() {
        assertThatThrownBy(() -> encoder.embed("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.embedAll(List.of("ok", ""))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.embedAll(java.util.Arrays.asList("ok", null))).isInstanceOf(IllegalArgumentException.class);
    }
}
