package io.aisle.server.console;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An image job as the console shows it: source, mask, and each output with its QC checks. */
public record ImageJobView(String id, String status, String productId, String title, String createdAt, String generator,
                           String sourceUrl, String maskUrl, String matte, List<String> matteNotes, String error,
                           List<Output> outputs) {

    /** One output with its verdict and checks. */
    public record Output(String name, String url, int width, int height, String altText, String verdict, String generator, List<Check> checks) {}

    /** One QC check row. */
    public record Check(String name, String verdict, String detail) {}

    public static ImageJobView of(JsonNode job) {
        JsonNode m = job.path("matte");
        String matte = m.isMissingNode() ? "" : String.format(Locale.ROOT, "coverage %.1f%%, shadow %.1f%%, confidence %.2f (%dx%d px)",
                m.path("coverage").asDouble() * 100, m.path("shadow_coverage").asDouble() * 100, m.path("confidence").asDouble(),
                m.path("width").asInt(), m.path("height").asInt());
        List<String> notes = new ArrayList<>();
        m.path("notes").forEach(n -> notes.add(n.asText()));
        List<Output> outputs = new ArrayList<>();
        for (JsonNode o : job.path("outputs")) {
            List<Check> checks = new ArrayList<>();
            o.path("qc").path("checks").forEach(c -> checks.add(new Check(c.path("name").asText(), c.path("verdict").asText(), c.path("detail").asText())));
            outputs.add(new Output(o.path("name").asText(), o.path("url").asText(), o.path("width").asInt(), o.path("height").asInt(),
                    o.path("alt_text").asText(), o.path("qc").path("verdict").asText(), o.path("generator").asText(), checks));
        }
        return new ImageJobView(job.path("id").asText(), job.path("status").asText(), job.path("product_id").asText(""),
                job.path("title").asText(), job.path("created_at").asText(), job.path("generator").asText(),
                job.path("source_url").asText(), job.path("mask_url").asText(), matte, notes, job.path("error").asText(""), outputs);
    }

    /** Counts of outputs per verdict, e.g. "2 pass, 1 review". */
    public String verdicts() {
        long pass = outputs.stream().filter(o -> o.verdict().equals("pass")).count();
        long review = outputs.stream().filter(o -> o.verdict().equals("review")).count();
        long reject = outputs.stream().filter(o -> o.verdict().equals("reject")).count();
        if (outputs.isEmpty()) return "";
        return pass + " pass, " + review + " review, " + reject + " reject";
    }
}
