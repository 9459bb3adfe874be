package io.aisle.ingest.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTextTest {
    @Test
    void keeps_blocks_on_their_own_lines_and_decodes_entities() {
        assertThat(HtmlText.toPlain("<h2>Fit</h2><p>Relaxed&nbsp;fit &amp; soft.<br>Runs   large.</p><ul><li>Cotton</li><li>Made in&#160;Peru</li></ul>"))
                .isEqualTo("Fit\nRelaxed fit & soft.\nRuns large.\nCotton\nMade in Peru");
    }

    @Test
    void drops_scripts_styles_and_comments() {
        assertThat(HtmlText.toPlain("<style>p{color:red}</style><p>Text<!-- note --></p><script>alert(1)</script>"))
                .isEqualTo("Text");
    }

    @Test
    void survives_broken_markup() {
        assertThat(HtmlText.toPlain("<p>Unclosed <b>bold <i>and <p>more")).isEqualTo("Unclosed bold and\nmore");
        assertThat(HtmlText.toPlain("5 < 6 and 7 > 3")).isEqualTo("5 < 6 and 7 > 3");
    }

    @Test
    void leaves_plain_copy_alone_when_it_holds_no_markup() {
        assertThat(HtmlText.looksLikeHtml("Tom & Jerry 5<6")).isFalse();
        assertThat(HtmlText.looksLikeHtml("Tom &amp; Jerry")).isTrue();
        assertThat(HtmlText.looksLikeHtml("<p>x</p>")).isTrue();
    }
}
