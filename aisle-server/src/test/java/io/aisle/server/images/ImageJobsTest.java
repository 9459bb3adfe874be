package io.aisle.server.images;

import com.fasterxml.jackson.databind.JsonNode;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.json.Json;
import io.aisle.core.port.ImageGenerator;
import io.aisle.core.vision.Picture;
import io.aisle.core.vision.SceneRequest;
import io.aisle.server.api.ImagesApiTestPhoto;
import io.aisle.vision.ImageFiles;
import io.aisle.vision.ImageLimits;
import io.aisle.vision.OutputSpec;
import io.aisle.vision.ProductFacts;
import io.aisle.vision.StudioCompositor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageJobsTest {
    @TempDir Path data;

    @Test
    void finished_jobs_and_their_files_survive_a_restart() throws Exception {
        String id;
        try (ImageJobs jobs = jobs()) {
            id = jobs.submit(new ImageJobRequest(ProductId.of("BAG-1"), new ProductFacts("Bag", "", "", "", "Bags", null),
                    Base64.getDecoder().decode(ImagesApiTestPhoto.base64()), OutputSpec.standard(), ImageFiles.Format.JPEG, List.of(0x2F6690), 1));
            for (int i = 0; i < 600 && jobs.get(id).orElseThrow().path("status").asText().matches("queued|running"); i++) Thread.sleep(100);
            assertThat(jobs.get(id).orElseThrow().path("status").asText()).as("%s", jobs.get(id)).isEqualTo("done");
        }
        try (ImageJobs reopened = jobs()) {
            JsonNode job = reopened.get(id).orElseThrow();
            assertThat(job.path("status").asText()).as("%s", job).isEqualTo("done");
            assertThat(job.path("outputs")).hasSize(3);
            assertThat(reopened.file(id, "studio-4x5.jpg")).isPresent();
            assertThat(reopened.file(id, "../job.json")).isEmpty();
            assertThat(reopened.publishedFor("BAG-1")).hasSize(3);
            assertThat(reopened.publishedFor("OTHER")).isEmpty();
        }
    }

    @Test
    void a_status_that_cannot_be_written_shows_the_job_failed_not_running() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        StudioCompositor compositor = new StudioCompositor();
        ImageGenerator waiting = new ImageGenerator() {
            @Override public String name() { return compositor.name(); }
            @Override public Picture generate(SceneRequest request) {
                try {
                    blocked.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return compositor.generate(request);
            }
        };
        try (ImageJobs jobs = new ImageJobs(data, Json.mapper(), waiting, ImageLimits.standard(), Clock.systemUTC())) {
            String id = jobs.submit(new ImageJobRequest(ProductId.of("BAG-1"), new ProductFacts("Bag", "", "", "", "Bags", null),
                    Base64.getDecoder().decode(ImagesApiTestPhoto.base64()), OutputSpec.standard(), ImageFiles.Format.JPEG, List.of(0x2F6690), 1));
            for (int i = 0; i < 600 && !jobs.get(id).orElseThrow().path("status").asText().equals("running"); i++) Thread.sleep(20);
            // A non-empty folder where job.json goes: the final rename cannot replace it.
            Path status = data.resolve("images/jobs").resolve(id).resolve("job.json");
            Files.delete(status);
            Files.createDirectories(status.resolve("in-the-way"));
            blocked.countDown();
            for (int i = 0; i < 600 && jobs.get(id).orElseThrow().path("status").asText().equals("running"); i++) Thread.sleep(100);

            JsonNode job = jobs.get(id).orElseThrow();
            assertThat(job.path("status").asText()).as("%s", job).isEqualTo("failed");
            assertThat(job.path("error").asText()).contains("cannot write the status of " + id);
            assertThat(job.path("finished_at").asText()).isNotBlank();
        }
    }

    @Test
    void a_job_cut_off_by_a_restart_is_reported_failed_not_left_queued() throws Exception {
        Path dir = data.resolve("images/jobs/img_00000000000000aa");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("job.json"), "{\"id\": \"img_00000000000000aa\", \"status\": \"running\", \"created_at\": \"2026-01-01T00:00:00Z\"}");
        try (ImageJobs jobs = jobs()) {
            JsonNode job = jobs.get("img_00000000000000aa").orElseThrow();
            assertThat(job.path("status").asText()).isEqualTo("failed");
            assertThat(job.path("error").asText()).contains("submit it again");
        }
    }

    @Test
    void http_backends_need_a_url_and_unknown_ones_are_named() {
        assertThat(ImageBackends.from(java.util.Map.of())).isInstanceOf(StudioCompositor.class);
        assertThatThrownBy(() -> ImageBackends.create("automatic1111", null, null, null)).hasMessageContaining("needs a URL");
        assertThatThrownBy(() -> ImageBackends.create("midjourney", null, null, null)).hasMessageContaining("unknown images backend 'midjourney'");
        assertThat(ImageBackends.create("openai", "http://127.0.0.1:9", "k", "gpt-image-1").name()).isEqualTo("openai-images:gpt-image-1");
    }

    private ImageJobs jobs() {
        return new ImageJobs(data, Json.mapper(), new StudioCompositor(), ImageLimits.standard(), Clock.systemUTC());
    }
}
