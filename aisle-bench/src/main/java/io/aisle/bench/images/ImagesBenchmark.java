package io.aisle.bench.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aisle.bench.BenchReport;
import io.aisle.core.json.Json;
import io.aisle.core.vision.Picture;
import io.aisle.vision.ImageFiles;
import io.aisle.vision.ImageLimits;
import io.aisle.vision.OutputSpec;
import io.aisle.vision.ProductFacts;
import io.aisle.vision.SafeImageDecoder;
import io.aisle.vision.StudioOutput;
import io.aisle.vision.StudioResult;
import io.aisle.vision.VisualStudio;
import io.aisle.vision.qc.Verdict;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The image pipeline on real white-background product photos ({@code images_index.csv} plus JPEGs): each photo is
 * decoded through the safe decoder, scaled to {@code longSide} px on its long side, then matted, composed into the
 * standard outputs (main image on white 1:1, studio 4:5, room 16:9) by the built-in compositor and checked. Reports
 * per image the mask coverage and confidence, whether every output kept the product pixels exactly, the QC verdicts
 * and the time, measured after a warm-up round as the median of {@code rounds} runs.
 */
public final class ImagesBenchmark {
    /** What to run. {@code out}, when set, receives every output, mask and source as files to look at. */
    public record Options(Path data, int longSide, int warmup, int rounds, Path out, long seed) {}

    /** One photo's figures. */
    public record ImageRow(String file, int width, int height, double coverage, double shadow, double confidence,
                           boolean preservedExactly, List<String> verdicts, List<String> reasons, double ms, double cpuMs, double matteMs) {}

    private final Options options;
    private final Consumer<String> log;
    private final List<ImageRow> rows = new ArrayList<>();

    public ImagesBenchmark(Options options, Consumer<String> log) {
        this.options = options;
        this.log = log;
    }

    public List<ImageRow> rows() { return List.copyOf(rows); }

    public BenchReport run() {
        Path index = options.data().resolve("images_index.csv");
        if (!Files.isRegularFile(index)) throw new IllegalArgumentException("no images_index.csv in " + options.data());
        Map<String, JsonNode> luma = luma(options.data().resolveSibling("magento-luma").resolve("luma_products_flat.jsonl"));
        SafeImageDecoder decoder = new SafeImageDecoder(ImageLimits.standard());
        VisualStudio studio = VisualStudio.offline();
        List<Integer> palette = List.of(0x2F6690, 0xB08968);
        List<OutputSpec> specs = OutputSpec.standard();

        List<Picture> pictures = new ArrayList<>();
        List<String> files = new ArrayList<>();
        List<ProductFacts> facts = new ArrayList<>();
        for (CSVRecord r : csv(index)) {
            String file = r.get("file");
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(options.data().resolve(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            pictures.add(ImageFiles.toLongSide(decoder.decode(bytes), options.longSide()));
            files.add(file);
            facts.add(facts(r, luma.get(r.get("sku"))));
        }
        log.accept(pictures.size() + " photos scaled to " + options.longSide() + " px on the long side; warming up");
        for (int round = 0; round < options.warmup(); round++) {
            for (int i = 0; i < pictures.size(); i++) studio.run(pictures.get(i), facts.get(i), specs, palette, options.seed());
        }
        double[][] times = new double[pictures.size()][options.rounds()];
        double[][] cpu = new double[pictures.size()][options.rounds()];
        // CPU time of this thread too: on a shared machine wall time includes waiting for a core.
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        StudioResult[] results = new StudioResult[pictures.size()];
        for (int round = 0; round < options.rounds(); round++) {
            for (int i = 0; i < pictures.size(); i++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                results[i] = studio.run(pictures.get(i), facts.get(i), specs, palette, options.seed());
                times[i][round] = (System.nanoTime() - t0) / 1e6;
                cpu[i][round] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            }
        }
        var matting = new io.aisle.vision.MatteExtractor();
        int outputs = 0;
        int passed = 0;
        int reviewed = 0;
        int rejected = 0;
        int exactOutputs = 0;
        double[] medians = new double[pictures.size()];
        double[] cpuMedians = new double[pictures.size()];
        for (int i = 0; i < pictures.size(); i++) {
            StudioResult res = results[i];
            long c0 = threads.getCurrentThreadCpuTime();
            matting.extract(pictures.get(i));
            double matteMs = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            boolean exact = true;
            List<String> verdicts = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            for (StudioOutput o : res.outputs()) {
                outputs++;
                boolean ok = o.qc().check("product_preserved").verdict() == Verdict.PASS;
                if (ok) exactOutputs++;
                exact &= ok;
                verdicts.add(o.spec().name() + "=" + o.qc().verdict().label());
                o.qc().reasons().forEach(reason -> reasons.add(o.spec().name() + " " + reason));
                switch (o.qc().verdict()) {
                    case PASS -> passed++;
                    case REVIEW -> reviewed++;
                    case REJECT -> rejected++;
                }
            }
            double[] t = times[i].clone();
            Arrays.sort(t);
            medians[i] = t[t.length / 2];
            double[] c = cpu[i].clone();
            Arrays.sort(c);
            cpuMedians[i] = c[c.length / 2];
            Picture p = pictures.get(i);
            rows.add(new ImageRow(files.get(i), p.width(), p.height(), res.matte().coverage(), res.matte().shadowCoverage(),
                    res.matte().confidence(), exact, verdicts, reasons, medians[i], cpuMedians[i], matteMs));
            if (options.out() != null) write(options.out(), files.get(i), res);
        }
        double[] sorted = medians.clone();
        Arrays.sort(sorted);
        BenchReport report = new BenchReport("images", options.data().getFileName().toString());
        report.put("aisle", "images", pictures.size());
        report.put("aisle", "outputs", outputs);
        report.put("aisle", "preservation_exact", outputs == 0 ? 0 : (double) exactOutputs / outputs);
        report.put("aisle", "qc_pass_rate", outputs == 0 ? 0 : (double) passed / outputs);
        report.put("aisle", "qc_review_rate", outputs == 0 ? 0 : (double) reviewed / outputs);
        report.put("aisle", "qc_reject_rate", outputs == 0 ? 0 : (double) rejected / outputs);
        report.put("aisle", "mask_coverage", rows.stream().mapToDouble(ImageRow::coverage).average().orElse(0));
        report.put("aisle", "mask_confidence", rows.stream().mapToDouble(ImageRow::confidence).average().orElse(0));
        report.put("aisle", "ms_per_image", Arrays.stream(medians).average().orElse(0));
        report.put("aisle", "cpu_ms_per_image", Arrays.stream(cpuMedians).average().orElse(0));
        report.put("aisle", "p95_ms", sorted.length == 0 ? 0 : sorted[(int) Math.ceil(0.95 * sorted.length) - 1]);
        report.put("aisle", "matte_cpu_ms", rows.stream().mapToDouble(ImageRow::matteMs).average().orElse(0));
        repaintingBackend(report, pictures, facts, specs, palette);
        return report;
    }

    /**
     * The same photos through a stand-in backend that repaints every pixel of the canvas, product included, with
     * noise: what a careless diffusion service might do. Preservation must still be exact; QC should not pass the
     * off-palette scenes.
     */
    private void repaintingBackend(BenchReport report, List<Picture> pictures, List<ProductFacts> facts, List<OutputSpec> specs, List<Integer> palette) {
        io.aisle.core.port.ImageGenerator repaint = new io.aisle.core.port.ImageGenerator() {
            @Override public String name() { return "repainting-backend"; }

            @Override public Picture generate(io.aisle.core.vision.SceneRequest request) {
                java.util.SplittableRandom random = new java.util.SplittableRandom(request.seed());
                int[] px = new int[request.width() * request.height()];
                for (int i = 0; i < px.length; i++) px[i] = 0xFF000000 | random.nextInt(0x1000000);
                return new Picture(request.width(), request.height(), px);
            }
        };
        VisualStudio studio = new VisualStudio(new io.aisle.vision.MatteExtractor(), repaint, new io.aisle.vision.qc.QualityControl());
        int outputs = 0;
        int exact = 0;
        int passed = 0;
        int reviewed = 0;
        int rejected = 0;
        for (int i = 0; i < pictures.size(); i++) {
            for (StudioOutput o : studio.run(pictures.get(i), facts.get(i), specs, palette, options.seed()).outputs()) {
                outputs++;
                if (o.qc().check("product_preserved").verdict() == Verdict.PASS) exact++;
                switch (o.qc().verdict()) {
                    case PASS -> passed++;
                    case REVIEW -> reviewed++;
                    case REJECT -> rejected++;
                }
            }
        }
        String row = "aisle-repainting-backend";
        report.put(row, "images", pictures.size());
        report.put(row, "outputs", outputs);
        report.put(row, "preservation_exact", outputs == 0 ? 0 : (double) exact / outputs);
        report.put(row, "qc_pass_rate", outputs == 0 ? 0 : (double) passed / outputs);
        report.put(row, "qc_review_rate", outputs == 0 ? 0 : (double) reviewed / outputs);
        report.put(row, "qc_reject_rate", outputs == 0 ? 0 : (double) rejected / outputs);
    }

    /** The per-image table. */
    public void printRows(PrintStream out) {
        out.printf("%-18s %9s %8s %7s %6s %6s %8s %8s  %s%n", "image", "size", "coverage", "shadow", "conf", "exact", "ms", "cpu_ms", "verdicts");
        for (ImageRow r : rows) {
            out.printf(Locale.ROOT, "%-18s %9s %8.3f %7.3f %6.2f %6s %8.1f %8.1f  %s%n", r.file(), r.width() + "x" + r.height(),
                    r.coverage(), r.shadow(), r.confidence(), r.preservedExactly() ? "yes" : "NO", r.ms(), r.cpuMs(), String.join(" ", r.verdicts()));
            for (String reason : r.reasons()) out.println("    " + reason);
        }
    }

    private static ProductFacts facts(CSVRecord r, JsonNode product) {
        String file = r.get("file");
        String colour = "";
        for (String c : List.of("blue", "black", "gray", "grey", "green", "red", "white", "purple", "orange", "yellow")) {
            if (file.contains("-" + c + "-")) colour = c;
        }
        if (product == null) return new ProductFacts(r.get("product_name").strip(), "", colour, "", "", null);
        List<String> categories = new ArrayList<>();
        product.path("categories").forEach(c -> categories.add(c.asText()));
        JsonNode material = product.path("attributes").path("material");
        String mat = material.isArray() ? (material.isEmpty() ? "" : material.get(0).asText()) : material.asText("");
        String name = product.path("name").asText(r.get("product_name")).replace("&trade;", "").strip();
        return new ProductFacts(name, "Luma", colour, mat, String.join(" / ", categories), null);
    }

    private static Map<String, JsonNode> luma(Path file) {
        Map<String, JsonNode> bySku = new HashMap<>();
        if (!Files.isRegularFile(file)) return bySku;
        ObjectMapper mapper = Json.mapper();
        try (var lines = Files.lines(file)) {
            lines.filter(l -> !l.isBlank()).forEach(l -> {
                try {
                    JsonNode n = mapper.readTree(l);
                    bySku.put(n.path("sku").asText(), n);
                } catch (IOException e) {
                    throw new UncheckedIOException("bad line in " + file, e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return bySku;
    }

    private static List<CSVRecord> csv(Path index) {
        try (Reader in = Files.newBufferedReader(index)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + index, e);
        }
    }

    private static void write(Path dir, String file, StudioResult res) {
        String stem = file.replaceFirst("\\.[^.]+$", "");
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(stem + "-mask.png"), ImageFiles.encode(ImageFiles.matteImage(res.matte()), ImageFiles.Format.PNG));
            for (StudioOutput o : res.outputs()) {
                Files.write(dir.resolve(stem + "-" + o.spec().name() + ".jpg"), ImageFiles.encode(o.image(), ImageFiles.Format.JPEG));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir, e);
        }
    }
}
