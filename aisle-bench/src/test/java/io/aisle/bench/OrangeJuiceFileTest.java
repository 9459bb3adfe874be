package io.aisle.bench;

import io.aisle.core.validation.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrangeJuiceFileTest {
    // Invented rows with only the columns the reader needs, in an order of their own: columns are found by name.
    private static final String HEADER = "week,store,brand,logmove,deal,feat,"
            + "price1,price2,price3,price4,price5,price6,price7,price8,price9,price10,price11\n";
    // Brand b costs 0.b1.
    private static final String PRICES = "0.11,0.21,0.31,0.41,0.51,0.61,0.71,0.81,0.91,1.01,1.11";

    @TempDir Path dir;

    private Path write(String body) throws IOException {
        return Files.writeString(dir.resolve("orangeJuice_yx.csv"), HEADER + body);
    }

    @Test void rowsAreReadFromTheFolderWithTheirOwnBrandsPrice() throws IOException {
        write("7,901,3,5.5,1,0," + PRICES + "\n8,901,1,4.5,0,1," + PRICES + "\n");
        OrangeJuiceFile f = OrangeJuiceFile.read(dir);
        assertThat(f.rows()).hasSize(2);
        OrangeJuiceFile.Row r = f.rows().getFirst();
        assertThat(r.store()).isEqualTo(901);
        assertThat(r.ownPrice()).isEqualTo(0.31);
        assertThat(r.deal()).isEqualTo(1.0);
        assertThat(f.rows().get(1).feat()).isEqualTo(1.0);
    }

    @Test void aBadValueIsNamedByLineAndColumn() throws IOException {
        write("7,901,3,5.5,1,0," + PRICES + "\n8,901,1,lots,0,1," + PRICES + "\n");
        assertThatThrownBy(() -> OrangeJuiceFile.read(dir)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("line 3").hasMessageContaining("logmove must be a number, got 'lots'");
        write("7,901,12,5.5,1,0," + PRICES + "\n");
        assertThatThrownBy(() -> OrangeJuiceFile.read(dir)).hasMessageContaining("brand must be 1..11, got 12");
    }

    @Test void aMissingFileOrColumnIsRefused() throws IOException {
        assertThatThrownBy(() -> OrangeJuiceFile.read(dir.resolve("nowhere"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("no orangeJuice_yx.csv");
        Files.writeString(dir.resolve("orangeJuice_yx.csv"), "store,brand,week\n901,1,7\n");
        assertThatThrownBy(() -> OrangeJuiceFile.read(dir)).hasMessageContaining("no 'logmove' column");
    }
}
