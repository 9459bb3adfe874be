package io.aisle.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LexemeValueTest {
    @Test void numbers_read_in_the_ways_shoppers_write_them() {
        assertThat(Lexeme.value("1,299")).isEqualTo(1299.0);
        assertThat(Lexeme.value("15,6")).isEqualTo(15.6);
        assertThat(Lexeme.value("1,299.99")).isEqualTo(1299.99);
        assertThat(Lexeme.value("1,299,50")).isEqualTo(1299.5); // found by QueryParseProperties: used to throw
        assertThat(Lexeme.value("1.2.3")).isNaN();
    }
}
