package io.aisle.recommend.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AttributeFileTest {

    private static ItemIds ids(String... known) {
        ItemIds ids = new ItemIds();
        for (String id : known) ids.intern(id);
        return ids;
    }

    @Test
    void maps_attributes_through_the_item_ids_and_skips_unknown_items() {
        ItemIds ids = ids("4", "83", "7");
        ItemContent content = AttributeFile.parse("{\"4\": [1, 2, 3], \"83\": [4,5],\n \"999\": [9]}", ids, "a.json");
        assertThat(content.items()).isEqualTo(3);
        assertThat(content.attributes()[0]).containsExactly(1, 2, 3);
        assertThat(content.attributes()[1]).containsExactly(4, 5);
        assertThat(content.attributes()[2]).isEmpty(); // known item the file does not mention
        assertThat(content.attributeCount()).isEqualTo(10); // ids keep their meaning, up to the largest in the file
        assertThat(content.hasVectors()).isFalse();
    }

    @Test
    void reads_empty_objects_and_lists() {
        assertThat(AttributeFile.parse(" { } ", ids("1"), "a.json").attributeCount()).isZero();
        assertThat(AttributeFile.parse("{\"1\": []}", ids("1"), "a.json").attributes()[0]).isEmpty();
    }

    @Test
    void refuses_malformed_text_naming_the_place() {
        assertThatThrownBy(() -> AttributeFile.parse("{\"1\": [1, x]}", ids("1"), "a.json"))
                .hasMessage("a.json at character 10: expected an attribute id (a whole number), found 'x'");
        assertThatThrownBy(() -> AttributeFile.parse("{\"1\": [1], \"1\": [2]}", ids("1"), "a.json"))
                .hasMessageContaining("item \"1\" appears twice");
        assertThatThrownBy(() -> AttributeFile.parse("{\"1\": [-3]}", ids("1"), "a.json"))
                .hasMessageContaining("attribute id -3 is negative");
        assertThatThrownBy(() -> AttributeFile.parse("{\"1\": [1]", ids("1"), "a.json"))
                .hasMessageContaining("expected '}', found end of file");
        assertThatThrownBy(() -> AttributeFile.parse("{\"1\": [1]} trailing", ids("1"), "a.json"))
                .hasMessageContaining("unexpected text after the closing brace");
        assertThatThrownBy(() -> AttributeFile.parse("{\"1: [1]}", ids("1"), "a.json"))
                .hasMessageContaining("unterminated string");
    }

    @Property
    void reads_back_what_was_written(@ForAll @Size(max = 20) Map<@IntRange(min = 0, max = 100000) Integer, @Size(max = 8) List<@IntRange(min = 0, max = 5000) Integer>> file) {
        String text = file.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(",\n", "{", "}"));
        ItemIds ids = new ItemIds();
        file.keySet().forEach(k -> ids.intern(Integer.toString(k)));
        ItemContent content = AttributeFile.parse(text, ids, "generated.json");
        int max = file.values().stream().flatMap(List::stream).mapToInt(Integer::intValue).max().orElse(-1);
        assertThat(content.attributeCount()).isEqualTo(max + 1);
        file.forEach((id, attributes) -> assertThat(content.attributes()[ids.indexOf(Integer.toString(id)).orElseThrow()])
                .containsExactly(attributes.stream().mapToInt(Integer::intValue).toArray()));
    }
}
