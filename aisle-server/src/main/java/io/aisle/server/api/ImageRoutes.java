package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.port.CatalogStore;
import io.aisle.core.validation.Errors;
import io.aisle.core.validation.Text;
import io.aisle.server.http.ApiException;
import io.aisle.server.http.Bodies;
import io.aisle.server.http.Role;
import io.aisle.server.http.Router;
import io.aisle.server.http.Routes;
import io.aisle.server.images.ImageJobRequest;
import io.aisle.server.images.ImageJobs;
import io.aisle.vision.AspectRatio;
import io.aisle.vision.ImageFiles;
import io.aisle.vision.ImageRejectedException;
import io.aisle.vision.OutputSpec;
import io.aisle.vision.ProductFacts;
import io.aisle.vision.ScenePreset;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;

/**
 * The HTTP face of the visual studio: {@code POST /v1/images/jobs} takes a product photo and queues the pipeline,
 * {@code GET /v1/images/jobs/{id}} reports status, matte and per-output QC, files are served beside it, and
 * {@code GET /v1/products/{id}/images} lists a product's published (QC-passed) outputs.
 */
public final class ImageRoutes implements Routes {
    private static final int MAX_OUTPUTS = 9;
    private final ImageJobs jobs;
    private final CatalogStore catalog;
    private final ObjectMapper mapper;
    private final Bodies bodies;
    private final long maxBodyBytes;
    // Each check decodes a photo (up to 40 megapixels, a few hundred MB at worst): two at a time bounds the memory.
    private final java.util.concurrent.Semaphore decoding = new java.util.concurrent.Semaphore(2);

    public ImageRoutes(ImageJobs jobs, CatalogStore catalog, ObjectMapper mapper, long maxBodyBytes) {
        this.jobs = jobs;
        this.catalog = catalog;
        this.mapper = mapper;
        this.bodies = new Bodies(mapper);
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override public void register(Router router) {
        router.post("/v1/images/jobs", Role.ADMIN, this::submit);
        router.get("/v1/images/jobs", Role.ADMIN, this::list);
        router.get("/v1/images/jobs/{id}", Role.ADMIN, this::status);
        // Outputs are published with the product (storefronts embed them), so files need no key; ids are random.
        router.get("/v1/images/jobs/{id}/files/{file}", Role.OPEN, this::file);
        router.get("/v1/products/{id}/images", Role.PUBLIC, this::forProduct);
    }

    private void submit(Context ctx) {
        ImageJobRequest request = parse(bodies.json(ctx, maxBodyBytes));
        String id;
        try {
            id = jobs.submit(request);
        } catch (RejectedExecutionException e) {
            throw new ApiException(503, "overloaded", "Too many image jobs are waiting; retry later", List.of(), 30L);
        }
        ctx.status(202).header("Location", "/v1/images/jobs/" + id).json(jobs.get(id).orElseThrow());
    }

    private void list(Context ctx) {
        ObjectNode n = mapper.createObjectNode();
        ArrayNode items = n.putArray("jobs");
        jobs.list().stream().limit(200).forEach(items::add);
        ctx.json(n);
    }

    private void status(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(jobs.get(id).orElseThrow(() -> ApiException.notFound("No image job '" + id + "'")));
    }

    private void file(Context ctx) {
        String id = ctx.pathParam("id");
        String name = ctx.pathParam("file");
        var path = jobs.file(id, name).orElseThrow(() -> ApiException.notFound("No file '" + name + "' in image job '" + id + "'"));
        ctx.contentType(name.endsWith(".png") ? "image/png" : "image/jpeg");
        ctx.header("Cache-Control", "public, max-age=86400, immutable");
        ctx.header("X-Content-Type-Options", "nosniff");
        try {
            InputStream in = Files.newInputStream(path);
            ctx.result(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void forProduct(Context ctx) {
        String id = ctx.pathParam("id");
        String problem = Text.idProblem(id);
        if (problem != null) throw ApiException.invalid("id", problem);
        ObjectNode n = mapper.createObjectNode();
        n.put("product_id", id);
        ArrayNode images = n.putArray("images");
        jobs.publishedFor(id).forEach(images::add);
        ctx.json(n);
    }

    /** Reads and checks the request, decoding the photo now so a bad upload is answered at once. */
    ImageJobRequest parse(JsonNode body) {
        if (!body.isObject()) throw ApiException.invalid("body", "must be a JSON object");
        Errors errors = new Errors();
        ProductId productId = null;
        Optional<Product> product = Optional.empty();
        JsonNode pid = body.get("product_id");
        if (pid != null && !pid.isNull()) {
            String problem = pid.isTextual() ? Text.idProblem(pid.asText()) : "must be a string";
            if (problem != null) errors.add("product_id", problem);
            else {
                productId = ProductId.of(pid.asText());
                product = catalog.get(productId);
                if (product.isEmpty()) errors.add("product_id", "no product '" + pid.asText() + "' in the catalogue");
            }
        }
        String title = text(body, "title", errors);
        if (product.isEmpty() && productId == null && (title == null || title.isBlank())) {
            errors.add("title", "is required when no product_id is given");
        }
        byte[] image = null;
        JsonNode img = body.get("image_base64");
        if (img == null || !img.isTextual() || img.asText().isBlank()) {
            errors.add("image_base64", "is required: the product photo (JPEG or PNG) in base64");
        } else {
            try {
                String data = img.asText();
                image = Base64.getMimeDecoder().decode(data.startsWith("data:") ? data.substring(data.indexOf(',') + 1) : data);
            } catch (IllegalArgumentException e) {
                errors.add("image_base64", "is not valid base64");
            }
        }
        List<OutputSpec> outputs = outputs(body.get("outputs"), errors);
        ImageFiles.Format format = ImageFiles.Format.JPEG;
        String f = text(body, "format", errors);
        if (f != null) {
            try {
                format = ImageFiles.Format.parse(f);
            } catch (IllegalArgumentException e) {
                errors.add("format", e.getMessage());
            }
        }
        List<Integer> palette = palette(body.get("palette"), errors);
        long seed = 42;
        JsonNode s = body.get("seed");
        if (s != null && !s.isNull()) {
            if (!s.canConvertToLong() || !s.isIntegralNumber()) errors.add("seed", "must be an integer");
            else seed = s.asLong();
        }
        String colour = nz(text(body, "colour", errors));
        String material = nz(text(body, "material", errors));
        String category = nz(text(body, "category", errors));
        errors.throwIfAny();
        check(image);
        ProductFacts facts = product.map(ProductFacts::of).orElseGet(() -> new ProductFacts(title == null ? "" : title, "",
                colour, material, category, null));
        if (product.isPresent() && title != null && !title.isBlank()) {
            facts = new ProductFacts(title, facts.brand(), facts.colour(), facts.material(), facts.category(), null);
        }
        return new ImageJobRequest(productId, facts, image, outputs, format, palette, seed);
    }

    private void check(byte[] image) {
        try {
            if (!decoding.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new ApiException(503, "overloaded", "Too many photos are being checked; retry later", List.of(), 5L);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "overloaded", "Interrupted while waiting to check the photo", List.of(), 5L);
        }
        try {
            jobs.decoder().decode(image);
        } catch (ImageRejectedException e) {
            if (e.reason().equals("too_large")) throw new ApiException(413, "payload_too_large", e.getMessage());
            throw ApiException.invalid("image_base64", e.getMessage());
        } finally {
            decoding.release();
        }
    }

    private static List<OutputSpec> outputs(JsonNode node, Errors errors) {
        if (node == null || node.isNull()) return OutputSpec.standard();
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_OUTPUTS) {
            errors.add("outputs", "must be an array of 1.." + MAX_OUTPUTS + " {scene, aspect} objects");
            return List.of();
        }
        List<OutputSpec> specs = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode o = node.get(i);
            try {
                ScenePreset scene = ScenePreset.parse(o.path("scene").asText(""));
                AspectRatio aspect = AspectRatio.parse(o.path("aspect").asText("1x1"));
                OutputSpec spec = new OutputSpec(scene, aspect);
                if (specs.contains(spec)) errors.add("outputs[" + i + "]", "repeats " + spec.name());
                else specs.add(spec);
            } catch (IllegalArgumentException e) {
                errors.add("outputs[" + i + "]", e.getMessage());
            }
        }
        return specs;
    }

    private static List<Integer> palette(JsonNode node, Errors errors) {
        if (node == null || node.isNull()) return List.of();
        if (!node.isArray() || node.size() > 8) {
            errors.add("palette", "must be an array of at most 8 colours like \"#2F6690\"");
            return List.of();
        }
        List<Integer> colours = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String c = node.get(i).asText("");
            if (!c.matches("#[0-9A-Fa-f]{6}")) errors.add("palette[" + i + "]", "must be a colour like \"#2F6690\"");
            else colours.add(Integer.parseInt(c.substring(1), 16));
        }
        return colours;
    }

    private static String text(JsonNode body, String field, Errors errors) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) {
            errors.add(field, "must be a string");
            return null;
        }
        if (n.asText().length() > 300) {
            errors.add(field, "must be at most 300 characters");
            return null;
        }
        return n.asText().strip();
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
