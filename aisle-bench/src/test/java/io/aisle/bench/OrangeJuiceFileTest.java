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
    private static final String HEADER = "\"store\",\"brand\",\"week\",\"logmove\",\"constant\",\"price1\",\"price2\",\"price3\",\"price4\","
            + "\"price5\",\"price6\",\"price7\",\"price8\",\"price9\",\"price10\",\"price11\",\"deal\",\"feat\",\"profit\"\n";
    private static final String PRICES = "0.06,0.06,0.04,0.03,0.05,0.05,0.04,0.04,0.03,0.02,0.04";

    @TempDir Path dir;

    private Path write(String body) throws IOException {
        return Files.writeString(dir.resolve("orangeJuice_yx.csv"), HEADER + body);
    }

    @Test void rowsAreReadFromTheFolderWithTheirOwnBrandsPrice() throws IOException {
        write("2,3,40,9.01,1," + PRICES + ",1,0,37.9\n2,1,41,8.5,1," + PRICES + ",0,1,30\n");
        OrangeJuiceFile f = OrangeJuiceFile.read(dir);
        assertThat(f.rows()).hasSize(2);
        OrangeJuiceFile.Row r = f.rows().getFirst();
        assertThat(r.store()).isEqualTo(2);
        assertThat(r.ownPrice()).isEqualTo(0.04);
        assertThat(r.deal()).isEqualTo(1.0);
        assertThat(f.rows().get(1).feat()).isEqualTo(1.0);
    }

    @Test void aBadValueIsNamedByLineAndColumn() throws IOException {
        write("2,3,40,9.01,1," + PRICES + ",1,0,37.9\n2,1,41,lots,1," + PRICES + ",0,1,30\n");
        assertThatThrownBy(() -> OrangeJuiceFile.read(dir)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("line 3").hasMessageContaining("logmove must be a number, got 'lots'");
        write("2,12,40,9.01,1," + PRICES + ",1,0,37.9\n");
        assertThatThrownBy(() -> OrangeJuiceFile.read(dir)).hasMessageContaining("brand must be 1..11, got 12");
    }

    @Test void aMissingFileOrColumnIsRefused() throws IOException {
        assertThatThrownBy(() -> OrangeJuiceFile.read(dir.resolve("nowhere"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("no orangeJuice_yx.csv");
        Files.writeString(dir.resolve("orangeJuice_yx.csv"), "store,brand,week\n2,1,40\n");
        assertThatThrownBy(() -> OrangeJuiceFile.read(dir)).hasMessageContaining("no 'logmove' column");
    }
}
