package io.aisle.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.content.ContentKind;
import io.aisle.content.facts.FactRetriever;
import io.aisle.content.facts.SearchTerms;
import io.aisle.content.pipeline.ContentOutcome;
import io.aisle.content.pipeline.ContentPipeline;
import io.aisle.core.catalog.Product;
import io.aisle.core.json.Json;
import io.aisle.server.content.ContentHost;
import io.aisle.store.embedded.EmbeddedStorage;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code aisle content ...}: the content studio from the command line. */
@Command(name = "content", mixinStandardHelpOptions = true, description = "Generate product copy.",
        subcommands = ContentCommand.Generate.class)
final class ContentCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    /** {@code aisle content generate}. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Writes texts for the catalogue in the data directory through the content pipeline",
                    "(candidates, gates, ranking) and appends each result to a JSON-lines file as it goes:",
                    "published texts with status 'published', the rest with status 'review' and their findings.",
                    "Resumable: products and kinds already in the file are skipped, so an interrupted run",
                    "continues where it stopped. Uses an OpenAI-compatible LLM when AISLE_LLM_BASE_URL is set",
                    "(AISLE_LLM_MODEL, key in AISLE_LLM_API_KEY), the built-in composer otherwise."})
    static final class Generate implements Callable<Integer> {
        @Mixin DataDirOption data;
        @ArgGroup(multiplicity = "1") Which which;
        @Option(names = "--kinds", split = ",", description = "Output types (default: ${DEFAULT-VALUE})", defaultValue = "product_description")
        List<String> kinds;
        @Option(names = "--locale", description = "Language tag (default: ${DEFAULT-VALUE})", defaultValue = "en")
        String locale;
        @Option(names = "--segment", description = "Shopper segment for email snippets", defaultValue = "")
        String segment;
        @Option(names = "--out", description = "Results file (default: <data-dir>/content/texts-<locale>.jsonl)")
        Path out;

        /** Everything, or the listed products. */
        static final class Which {
            @Option(names = "--all", required = true, description = "Every product of the catalogue") boolean all;
            @Option(names = "--product", required = true, description = "A product id (repeatable)") List<String> products;
        }

        @Override public Integer call() {
            List<ContentKind> chosen = new ArrayList<>();
            for (String k : kinds) {
                var kind = ContentKind.fromWire(k.strip());
                if (kind.isEmpty() || !kind.get().perProduct()) {
                    System.err.println("--kinds: '" + k + "' is not one of product_description, bullet_points, seo_title, meta_description, email_snippet");
                    return 2;
                }
                chosen.add(kind.get());
            }
            Locale loc = Locale.forLanguageTag(locale);
            if (loc.getLanguage().isEmpty()) {
                System.err.println("--locale: '" + locale + "' is not a language tag such as en, de, fr or es");
                return 2;
            }
            Path file = out != null ? out : data.dataDir.resolve("content").resolve("texts-" + loc.toLanguageTag() + ".jsonl");
            ObjectMapper mapper = Json.mapper();
            Set<String> done = alreadyDone(file, mapper);
            try (EmbeddedStorage storage = data.open(); ContentHost host = new ContentHost(storage.catalog(), storage.events(), System.getenv(), data.dataDir, mapper, Clock.systemUTC())) {
                List<Product> all = host.products();
                List<Product> todo = all.stream().filter(p -> !p.isVariant())
                        .filter(p -> which.all || which.products.contains(p.id().value())).toList();
                if (!which.all) {
                    for (String id : which.products) {
                        if (todo.stream().noneMatch(p -> p.id().value().equals(id))) {
                            System.err.println("--product: no product with id '" + id + "' in " + data.dataDir);
                            return 2;
                        }
                    }
                }
                FactRetriever retriever = new FactRetriever(all, Map.of(), SearchTerms.fromLog(storage.events(), 200_000, 2));
                ContentPipeline pipeline = host.studio().pipeline();
                long remaining = todo.stream().mapToLong(p -> chosen.stream().filter(k -> !done.contains(key(p.id().value(), k))).count()).sum();
                System.err.println("content: " + todo.size() + " products x " + chosen.size() + " kinds, " + (todo.size() * chosen.size() - remaining)
                        + " already in " + file + ", " + remaining + " to write with " + pipeline.generator().backend());
                Files.createDirectories(file.toAbsolutePath().getParent());
                int published = 0, review = 0;
                try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                     Progress progress = new Progress(System.err, "texts", remaining)) {
                    for (Product p : todo) {
                        var facts = retriever.facts(p);
                        for (ContentKind kind : chosen) {
                            if (done.contains(key(p.id().value(), kind))) continue;
                            ContentOutcome o = pipeline.product(facts, kind, loc, segment);
                            w.write(mapper.writeValueAsString(line(mapper, p.id().value(), o)));
                            w.newLine();
                            w.flush(); // each line is durable on its own, which is what makes a rerun resume
                            if (o instanceof ContentOutcome.Published) published++; else review++;
                            progress.advance(1);
                        }
                    }
                }
                System.out.println("published " + published + ", for review " + review + "; results in " + file);
                return 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static ObjectNode line(ObjectMapper mapper, String id, ContentOutcome o) {
            ObjectNode n = mapper.createObjectNode();
            n.put("product_id", id).put("kind", o.kind().wire()).put("locale", o.locale().toLanguageTag());
            if (o instanceof ContentOutcome.Published p) {
                n.put("status", "published").put("text", p.chosen().text()).put("backend", p.chosen().backend())
                        .put("round", p.chosen().round()).put("score", p.chosen().score().value());
            } else if (o instanceof ContentOutcome.Escalated e) {
                n.put("status", "review").put("reason", e.reason());
                var best = e.candidates().stream().filter(c -> !c.text().isBlank()).findFirst();
                best.ifPresent(c -> n.put("text", c.text()));
            }
            return n;
        }

        private static Set<String> alreadyDone(Path file, ObjectMapper mapper) {
            Set<String> done = new HashSet<>();
            if (!Files.exists(file)) return done;
            try {
                for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (l.isBlank()) continue;
                    try {
                        JsonNode n = mapper.readTree(l);
                        ContentKind.fromWire(n.path("kind").asText()).ifPresent(k -> done.add(key(n.path("product_id").asText(), k)));
                    } catch (IOException partial) {
                        // A line cut short by an interrupted run: that text is written again.
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            return done;
        }

        private static String key(String id, ContentKind kind) { return id + "\u0000" + kind.wire(); }
    }
}
