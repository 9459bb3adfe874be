package io.aisle.bench.images;

import io.aisle.bench.BenchReport;
import io.aisle.core.vision.Picture;
import io.aisle.vision.ImageFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImagesBenchmarkTest {
    @TempDir Path dir;

    @Test
    void reports_preservation_verdicts_and_time_for_every_photo() throws Exception {
        Path data = Files.createDirectories(dir.resolve("product-images"));
        Files.write(data.resolve("bag-blue-0.jpg"), ImageFiles.encode(photo(0x1F2A44), ImageFiles.Format.JPEG));
        Files.write(data.resolve("watch-black-0.png"), ImageFiles.encode(photo(0x202020), ImageFiles.Format.PNG));
        Files.writeString(data.resolve("images_index.csv"), """
                file,sku,product_name,size_px,bytes,repo_path
                bag-blue-0.jpg,B1,Trail Duffle Bag,200x260,0,x
                watch-black-0.png,W1,Dash Digital Watch,200x260,0,x
                """);
        ImagesBenchmark bench = new ImagesBenchmark(new ImagesBenchmark.Options(data, 240, 0, 1, dir.resolve("out"), 1), m -> { });
        BenchReport report = bench.run();
        Map<String, Double> aisle = report.rows().get("aisle");
        assertThat(aisle.get("images")).isEqualTo(2);
        assertThat(aisle.get("outputs")).isEqualTo(6);
        assertThat(aisle.get("preservation_exact")).isEqualTo(1.0);
        assertThat(aisle.get("qc_pass_rate") + aisle.get("qc_review_rate") + aisle.get("qc_reject_rate")).isEqualTo(1.0);
        assertThat(aisle.get("ms_per_image")).isPositive();
        assertThat(report.rows().get("aisle-repainting-backend").get("preservation_exact")).isEqualTo(1.0);
        assertThat(bench.rows()).extracting(ImagesBenchmark.ImageRow::file).containsExactly("bag-blue-0.jpg", "watch-black-0.png");
        assertThat(bench.rows().get(0).height()).isEqualTo(240);
        assertThat(dir.resolve("out/bag-blue-0-studio-4x5.jpg")).exists();
        assertThat(dir.resolve("out/watch-black-0-mask.png")).exists();
    }

    @Test
    void a_folder_without_an_index_cannot_run() {
        assertThatThrownBy(() -> new ImagesBenchmark(new ImagesBenchmark.Options(dir, 1080, 0, 1, null, 1), m -> { }).run())
                .hasMessageContaining("no images_index.csv");
    }

    private static Picture photo(int colour) {
        int w = 200;
        int h = 260;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean in = x >= 40 && x < 160 && y >= 50 && y < 220;
                px[y * w + x] = in ? 0xFF000000 | (((x / 3 + y / 3) & 1) == 0 ? colour : colour + 0x101010) : 0xFFFFFFFF;
            }
        }
        return new Picture(w, h, px);
    }
}
