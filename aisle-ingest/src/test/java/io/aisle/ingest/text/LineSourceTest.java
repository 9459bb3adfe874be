package io.aisle.ingest.text;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineSourceTest {
    private static List<LineSource.Line> lines(byte[] bytes, int max) throws IOException {
        List<LineSource.Line> out = new ArrayList<>();
        try (LineSource source = new LineSource(new ByteArrayInputStream(bytes), max)) {
            for (LineSource.Line l = source.next(); l != null; l = source.next()) out.add(l);
        }
        return out;
    }

    @Test
    void numbers_lines_across_crlf_bom_and_a_missing_final_newline() throws IOException {
        byte[] bytes = "\uFEFFfirst\r\n\r\nthird\nlast".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(lines(bytes, 100)).containsExactly(
                new LineSource.Line(1, "first", null),
                new LineSource.Line(2, "", null),
                new LineSource.Line(3, "third", null),
                new LineSource.Line(4, "last", null));
    }

    @Test
    void reports_long_and_badly_encoded_lines_and_reads_on() throws IOException {
        byte[] bytes = {'a', 'b', 'c', 'd', 'e', 'f', '\n', (byte) 0xC3, (byte) 0x28, '\n', 'o', 'k', '\n'};

        assertThat(lines(bytes, 5)).containsExactly(
                new LineSource.Line(1, null, "is longer than 5 bytes"),
                new LineSource.Line(2, null, "is not valid UTF-8"),
                new LineSource.Line(3, "ok", null));
    }

    @Test
    void reads_lines_longer_than_its_read_buffer() throws IOException {
        String longLine = "x".repeat(200_000);

        assertThat(lines((longLine + "\nnext\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), 1 << 20))
                .extracting(LineSource.Line::text).containsExactly(longLine, "next");
    }
}
