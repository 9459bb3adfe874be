package io.aisle.server.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.port.ImageGenerator;
import io.aisle.core.vision.Picture;
import io.aisle.vision.ImageFiles;
import io.aisle.vision.ImageLimits;
import io.aisle.vision.MatteExtractor;
import io.aisle.vision.ProductMatte;
import io.aisle.vision.SafeImageDecoder;
import io.aisle.vision.StudioOutput;
import io.aisle.vision.StudioResult;
import io.aisle.vision.VisualStudio;
import io.aisle.vision.qc.QcCheck;
import io.aisle.vision.qc.QualityControl;
import io.aisle.vision.qc.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs image jobs one at a time in the background and keeps each job's files under
 * {@code <data>/images/jobs/<id>/}: the uploaded source, the mask, every output and {@code job.json} (the status
 * document the API serves). Finished jobs are read back from disk at start, so outputs outlive restarts.
 */
public final class ImageJobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ImageJobs.class);
    private static final Pattern ID = Pattern.compile("img_[0-9a-f]{16}");
    private static final Pattern FILE = Pattern.compile("[a-z0-9][a-z0-9-]{0,60}\\.(png|jpg)");
    /** Photos are worked on at most this size; larger uploads are scaled down first. */
    public static final int WORKING_LONG_SIDE = 1600;
    private static final int MAX_QUEUED = 32;

    private final Path root;
    private final ObjectMapper mapper;
    private final VisualStudio studio;
    private final SafeImageDecoder decoder;
    private final Clock clock;
    private final ExecutorService worker;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, JsonNode> jobs = new ConcurrentHashMap<>();

    public ImageJobs(Path dataDir, ObjectMapper mapper, ImageGenerator generator, ImageLimits limits, Clock clock) {
        this.root = dataDir.resolve("images").resolve("jobs");
        this.mapper = mapper;
        this.studio = new VisualStudio(new MatteExtractor(), generator, new QualityControl());
        this.decoder = new SafeImageDecoder(limits);
        this.clock = clock;
        this.worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("aisle-images").daemon(true).factory());
        loadFinished();
    }

    public SafeImageDecoder decoder() { return decoder; }

    /** Queues a job and returns its id; the status document says {@code queued} until the worker takes it. */
    public String submit(ImageJobRequest request) {
        if (jobs.values().stream().filter(j -> j.path("status").asText().matches("queued|running")).count() >= MAX_QUEUED) {
            throw new RejectedExecutionException("too many image jobs waiting; retry later");
        }
        byte[] id = new byte[8];
        random.nextBytes(id);
        String jobId = "img_" + HexFormat.of().formatHex(id);
        ObjectNode doc = status(jobId, request, "queued");
        Path dir = root.resolve(jobId);
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("source." + extension(request.image())), request.image());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload for " + jobId, e);
        }
        save(jobId, doc);
        worker.execute(() -> run(jobId, request));
        return jobId;
    }

    /** The status document of a job. */
    public Optional<JsonNode> get(String id) {
        if (!ID.matcher(id).matches()) return Optional.empty();
        return Optional.ofNullable(jobs.get(id));
    }

    /** Every job, newest first. */
    public List<JsonNode> list() {
        return jobs.values().stream().sorted(Comparator.comparing((JsonNode j) -> j.path("created_at").asText()).reversed()).toList();
    }

    /** The published outputs (QC passed) of every finished job for a product, newest job first. */
    public List<JsonNode> publishedFor(String productId) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode job : list()) {
            if (!productId.equals(job.path("product_id").asText(null)) || !"done".equals(job.path("status").asText())) continue;
            for (JsonNode o : job.path("outputs")) if ("pass".equals(o.path("qc").path("verdict").asText())) out.add(o);
        }
        return out;
    }

    /** A stored file of a job, by its plain name ({@code studio-4x5.jpg}); never a path. */
    public Optional<Path> file(String id, String name) {
        if (!ID.matcher(id).matches() || !FILE.matcher(name).matches() || !jobs.containsKey(id)) return Optional.empty();
        Path p = root.resolve(id).resolve(name);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    private void run(String id, ImageJobRequest request) {
        ObjectNode doc;
        long t0 = System.nanoTime();
        try {
            save(id, status(id, request, "running"));
            Picture source = ImageFiles.toLongSide(decoder.decode(request.image()), Math.min(WORKING_LONG_SIDE, longSide(request.image())));
            StudioResult result = studio.run(source, request.facts(), request.outputs(), request.palette(), request.seed());
            Path dir = root.resolve(id);
            Files.write(dir.resolve("mask.png"), ImageFiles.encode(ImageFiles.matteImage(result.matte()), ImageFiles.Format.PNG));
            doc = status(id, request, "done");
            doc.set("matte", matte(result.matte()));
            ArrayNode outputs = doc.putArray("outputs");
            for (StudioOutput o : result.outputs()) {
                String file = o.spec().name() + "." + request.format().extension();
                Files.write(dir.resolve(file), ImageFiles.encode(o.image(), request.format()));
                outputs.add(output(id, file, o));
            }
            doc.put("seconds", Math.round((System.nanoTime() - t0) / 1e6) / 1000.0);
        } catch (RuntimeException | IOException e) {
            log.atWarn().addKeyValue("job", id).setCause(e).log("image job failed");
            doc = status(id, request, "failed");
            doc.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        doc.put("finished_at", clock.instant().toString());
        try {
            save(id, doc);
        } catch (UncheckedIOException e) {
            // The status file is what failed: say so in memory rather than leave the job "running"; a restart reports it failed.
            log.atWarn().addKeyValue("job", id).setCause(e).log("image job status not written");
            ObjectNode failed = status(id, request, "failed");
            failed.put("error", e.getMessage());
            failed.put("finished_at", doc.path("finished_at").asText());
            jobs.put(id, failed);
        }
    }

    private int longSide(byte[] image) {
        int[] wh = decoder.dimensions(image);
        return Math.max(wh[0], wh[1]);
    }

    private ObjectNode status(String id, ImageJobRequest request, String status) {
        JsonNode before = jobs.get(id);
        ObjectNode doc = mapper.createObjectNode();
        doc.put("id", id);
        doc.put("status", status);
        if (request.productId() != null) doc.put("product_id", request.productId().value());
        else doc.putNull("product_id");
        doc.put("title", request.facts().title());
        doc.put("created_at", before == null ? clock.instant().toString() : before.path("created_at").asText());
        doc.put("generator", studio.generatorName());
        doc.put("source_url", "/v1/images/jobs/" + id + "/files/source." + extension(request.image()));
        doc.put("mask_url", "/v1/images/jobs/" + id + "/files/mask.png");
        return doc;
    }

    private ObjectNode matte(ProductMatte m) {
        ObjectNode n = mapper.createObjectNode();
        n.put("coverage", round(m.coverage()));
        n.put("shadow_coverage", round(m.shadowCoverage()));
        n.put("confidence", m.confidence());
        n.put("width", m.width());
        n.put("height", m.height());
        ArrayNode notes = n.putArray("notes");
        m.notes().forEach(notes::add);
        return n;
    }

    private ObjectNode output(String id, String file, StudioOutput o) {
        ObjectNode n = mapper.createObjectNode();
        n.put("name", o.spec().name());
        n.put("scene", o.spec().preset().label());
        n.put("aspect", o.spec().aspect().label());
        n.put("width", o.image().width());
        n.put("height", o.image().height());
        n.put("url", "/v1/images/jobs/" + id + "/files/" + file);
        n.put("alt_text", o.altText());
        n.put("generator", o.generator());
        ObjectNode qc = n.putObject("qc");
        qc.put("verdict", o.qc().verdict().label());
        ArrayNode reasons = qc.putArray("reasons");
        o.qc().reasons().forEach(reasons::add);
        ArrayNode checks = qc.putArray("checks");
        for (QcCheck c : o.qc().checks()) {
            checks.addObject().put("name", c.name()).put("verdict", c.verdict().label()).put("value", round(c.value())).put("detail", c.detail());
        }
        n.put("published", o.qc().verdict() == Verdict.PASS);
        return n;
    }

    /** Writes the status document, then shows it: a status anyone has seen is already on disk and survives a restart. */
    private void save(String id, ObjectNode doc) {
        Path dir = root.resolve(id);
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("job.json.tmp");
            Files.write(tmp, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc));
            Files.move(tmp, dir.resolve("job.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the status of " + id, e);
        }
        jobs.put(id, doc);
    }

    private void loadFinished() {
        if (!Files.isDirectory(root)) return;
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(d -> ID.matcher(d.getFileName().toString()).matches()).forEach(d -> {
                Path f = d.resolve("job.json");
                if (!Files.isRegularFile(f)) return;
                try {
                    ObjectNode doc = (ObjectNode) mapper.readTree(f.toFile());
                    // A job cut off by a restart will not resume: say so rather than leave it queued forever.
                    if (doc.path("status").asText().matches("queued|running")) {
                        doc.put("status", "failed");
                        doc.put("error", "the server stopped before the job finished; submit it again");
                    }
                    jobs.put(d.getFileName().toString(), doc);
                } catch (IOException | ClassCastException e) {
                    log.atWarn().addKeyValue("file", f).log("unreadable image job status skipped");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    private static String extension(byte[] image) {
        return image.length > 1 && (image[0] & 0xFF) == 0x89 ? "png" : "jpg";
    }

    private static double round(double v) { return Math.round(v * 10000) / 10000.0; }

    /** Stops the worker; a job cut off here is reported failed at the next start (see {@link #loadFinished()}). */
    @Override public void close() {
        worker.shutdownNow();
        try {
            // Let an interrupted job leave its folder before the caller moves or deletes the data directory.
            worker.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
