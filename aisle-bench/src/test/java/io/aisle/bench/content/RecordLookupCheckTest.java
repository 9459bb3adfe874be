package io.aisle.bench.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecordLookupCheckTest {
    private static JsonNode record(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private final JsonNode hoodie = record("""
            {"sku": "MH01", "name": "Chaz Kangeroo Hoodie", "price": 52.0, "categories": ["Men/Tops/Hoodies & Sweatshirts"],
             "attributes": {"material": "Wool", "color_options": ["Black", "Gray"], "size_options": ["S", "M", "L"],
                            "performance_fabric": "Yes", "eco_collection": "No"},
             "description_text": "Made from 100% leather."}""");
    private final JsonNode tank = record("""
            {"sku": "MT01", "name": "Tank", "price": 20.0, "attributes": {"material": ["Nylon", "Cocona&reg; performance fabric"],
             "color_options": ["Blue"]}}""");
    private final RecordLookupCheck check = new RecordLookupCheck(List.of(hoodie, tank));

    @Test void accepts_text_that_states_only_record_values() {
        assertThat(check.violations(hoodie, "Chaz Kangeroo Hoodie in Wool, Black or Gray, sizes S, M and L, for $52.00. Performance fabric."))
                .isEmpty();
    }

    @Test void flags_numbers_materials_colours_and_sizes_the_record_lacks_and_ignores_its_own_description() {
        assertThat(check.violations(hoodie, "Made from 100% Nylon, in Blue or navy, sizes S to XXL, now $45."))
                .containsExactlyInAnyOrder("100", "nylon", "blue", "navy", "XXL", "45");
    }
}
