package io.aisle.cli;

import io.aisle.core.catalog.ProductId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainJudgmentsTest {
    @TempDir Path dir;

    private Path file(String text) throws Exception {
        Path f = dir.resolve("judgments.csv");
        Files.writeString(f, text);
        return f;
    }

    @Test void judgmentsAreGroupedByQueryWithTheirGrades() throws Exception {
        Map<String, Map<ProductId, Integer>> j = TrainCommand.SearchRanker.read(file("""
                query,item_id,grade
                Laptop ,P1,3
                laptop,P2,0
                "rain, jacket",P3,2
                """));
        assertThat(j).containsOnlyKeys("laptop", "rain, jacket");
        assertThat(j.get("laptop")).containsExactly(Map.entry(ProductId.of("P1"), 3), Map.entry(ProductId.of("P2"), 0));
    }

    @Test void badRowsNameTheLineAndTheColumn() throws Exception {
        assertThatThrownBy(() -> TrainCommand.SearchRanker.read(file("query,item,grade\nx,P1,1\n")))
                .hasMessageContaining("item_id");
        assertThatThrownBy(() -> TrainCommand.SearchRanker.read(file("query,item_id,grade\nx,P1,high\n")))
                .hasMessageContaining("line 2").hasMessageContaining("grade must be a whole number");
        assertThatThrownBy(() -> TrainCommand.SearchRanker.read(file("query,item_id,grade\nx,P1,40\n")))
                .hasMessageContaining("grade must be 0..31");
        assertThatThrownBy(() -> TrainCommand.SearchRanker.read(file("query,item_id,grade\n ,P1,1\n")))
                .hasMessageContaining("query is empty");
        assertThatThrownBy(() -> TrainCommand.SearchRanker.read(dir.resolve("missing.csv")))
                .hasMessageContaining("no such file");
    }
}
