package io.aisle.bench.relevance;

import io.aisle.core.validation.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrowdflowerCsvTest {
    @TempDir Path dir;

    @Test
    void reads_quoted_descriptions_that_span_lines_and_hold_quotes() throws Exception {
        Path file = dir.resolve("train.csv");
        Files.writeString(file, """
                id,query,product_title,product_description,median_relevance,relevance_variance,cv_fold
                1,bridal shower decorations,Accent Pillow,"Red satin, 8"" x 8"".
                <b>Second</b> line",1,0,5
                4,projector,ViewSonic Pro8200 DLP Projector,,4,0.471,10
                """);
        List<JudgedPair> rows = CrowdflowerCsv.read(file);
        assertThat(rows).containsExactly(
                new JudgedPair("1", "bridal shower decorations", "Accent Pillow", "Red satin, 8\" x 8\".\n<b>Second</b> line", 1, 5),
                new JudgedPair("4", "projector", "ViewSonic Pro8200 DLP Projector", "", 4, 10));
    }

    @Test
    void refuses_a_missing_column_and_a_grade_off_the_scale_naming_them() throws Exception {
        Path noFold = dir.resolve("a.csv");
        Files.writeString(noFold, "id,query,product_title,product_description,median_relevance\n1,q,t,d,2\n");
        assertThatThrownBy(() -> CrowdflowerCsv.read(noFold)).isInstanceOf(ValidationException.class).hasMessageContaining("cv_fold");
        Path badGrade = dir.resolve("b.csv");
        Files.writeString(badGrade, "id,query,product_title,product_description,median_relevance,relevance_variance,cv_fold\n1,q,t,d,5,0,1\n");
        assertThatThrownBy(() -> CrowdflowerCsv.read(badGrade)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("median_relevance").hasMessageContaining("got 5");
        assertThatThrownBy(() -> CrowdflowerCsv.read(dir.resolve("none.csv"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("no such file");
    }
}
