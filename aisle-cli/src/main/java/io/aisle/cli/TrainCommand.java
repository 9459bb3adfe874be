package io.aisle.cli;

import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.embeddings.content.ContentVectors;
import io.aisle.embeddings.text.MiniLmEmbedder;
import io.aisle.embeddings.text.ProductText;
import io.aisle.search.CatalogueSearch;
import io.aisle.search.RankerTraining;
import io.aisle.search.SearchEngine;
import io.aisle.search.SearchSettings;
import io.aisle.search.index.ProductIndex;
import io.aisle.search.rank.RankingExample;
import io.aisle.search.rank.RankingModel;
import io.aisle.search.rank.RankingParams;
import io.aisle.server.derived.SearchHost;
import io.aisle.server.recommend.RecsTrainer;
import io.aisle.store.embedded.EmbeddedStorage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code aisle train ...}: trains models offline from the data directory and stores them for the server. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a model and store it in the data directory.",
        subcommands = {TrainCommand.SearchRanker.class, TrainCommand.Recs.class})
final class TrainCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    /** {@code aisle train search-ranker}. */
    @Command(name = "search-ranker", mixinStandardHelpOptions = true,
            description = {"Train the search re-ranker (LambdaMART over the engine's ranking features) from graded",
                    "judgments and store it as the 'search-ranker' model; the server loads it at its next start.",
                    "Judgments: a CSV file with a header and the columns query,item_id,grade (grade 0 = not",
                    "relevant, higher = better, at most 31). Products nobody judged count as not relevant.",
                    "Stop the server first: the data directory is locked while it runs."})
    static final class SearchRanker implements Callable<Integer> {
        @Option(names = "--judgments", required = true, description = "CSV file: query,item_id,grade") Path judgments;
        @Mixin DataDirOption data;

        @Override public Integer call() throws IOException {
            Map<String, Map<ProductId, Integer>> graded = read(judgments);
            try (EmbeddedStorage storage = data.open()) {
                MiniLmEmbedder encoder = new MiniLmEmbedder();
                ContentVectors vectors = ContentVectors.loadLatest(storage.models(), encoder, ProductText.defaults());
                List<Product> products = new java.util.ArrayList<>();
                ProductIndex.catalogue(storage.catalog()).forEach(products::add);
                System.err.println("train search-ranker: indexing " + products.size() + " products ("
                        + vectors.size() + " with content vectors)");
                try (CatalogueSearch search = new CatalogueSearch(products, p -> vectors.vector(p.id()).orElse(null), encoder)) {
                    SearchEngine engine = search.engine(null);
                    List<RankingExample> rows = RankerTraining.examples(engine, graded, SearchSettings.defaults().rerankDepth());
                    if (rows.isEmpty()) throw new IllegalArgumentException("--judgments: no judged query found anything to learn from");
                    try (RankingModel model = RankingModel.train(rows, RankingParams.defaults())) {
                        var version = storage.models().save(SearchHost.RANKER_MODEL, model.toBytes(), Map.of(
                                "queries", String.valueOf(graded.size()), "rows", String.valueOf(rows.size()),
                                "objective", model.params().objective().name()));
                        System.out.printf("stored %s version %d: %d queries, %d training rows%n",
                                SearchHost.RANKER_MODEL, version.version(), graded.size(), rows.size());
                        model.importance().entrySet().stream()
                                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(5)
                                .forEach(e -> System.out.printf("  %-20s %.3f%n", e.getKey(), e.getValue()));
                    }
                }
            }
            return 0;
        }

        /** query -> item -> grade; a bad row fails naming the line and the column. */
        static Map<String, Map<ProductId, Integer>> read(Path file) throws IOException {
            if (!Files.isRegularFile(file)) throw new IllegalArgumentException("--judgments: no such file: " + file);
            Map<String, Map<ProductId, Integer>> out = new LinkedHashMap<>();
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser csv = CSVParser.parse(in, format)) {
                for (String column : List.of("query", "item_id", "grade")) {
                    if (!csv.getHeaderMap().containsKey(column)) {
                        throw new IllegalArgumentException("--judgments: the header must name query,item_id,grade; '" + column + "' is missing");
                    }
                }
                for (CSVRecord r : csv) {
                    String where = file + " line " + (r.getRecordNumber() + 1) + ": ";
                    String query = r.get("query").strip().toLowerCase(Locale.ROOT);
                    if (query.isEmpty()) throw new IllegalArgumentException(where + "query is empty");
                    int grade;
                    try {
                        grade = Integer.parseInt(r.get("grade"));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(where + "grade must be a whole number, got '" + r.get("grade") + "'");
                    }
                    if (grade < 0 || grade > RankingParams.MAX_LABEL) {
                        throw new IllegalArgumentException(where + "grade must be 0.." + RankingParams.MAX_LABEL + ", got " + grade);
                    }
                    out.computeIfAbsent(query, q -> new LinkedHashMap<>()).put(ProductId.of(r.get("item_id")), grade);
                }
            }
            if (out.isEmpty()) throw new IllegalArgumentException("--judgments: " + file + " has no rows");
            return out;
        }
    }

    /** {@code aisle train recs}. */
    @Command(name = "recs", mixinStandardHelpOptions = true,
            description = {"Train the served sequence model (item-to-item transitions) from the event log: settings tuned",
                    "on each shopper's second-to-last item, a report on the last item beside popularity, then a fit",
                    "on everything. Stored as the next version of 'recs-transitions'; the server serves it from its",
                    "next start (a running server also retrains on its own schedule, see --recs-retrain-every).",
                    "Stop the server first: the data directory is locked while it runs."})
    static final class Recs implements Callable<Integer> {
        @Mixin DataDirOption data;

        @Override public Integer call() {
            try (EmbeddedStorage storage = data.open()) {
                RecsTrainer.Trained t = new RecsTrainer(storage.events(), storage.models())
                        .train(msg -> System.err.println("train recs: " + msg));
                var o = t.outcome();
                System.out.printf("stored %s version %d (%,d shoppers, %,d products, %,d interactions, %.1f s)%n",
                        t.version().name(), t.version().version(), o.shoppers(), o.items(), o.interactions(), o.seconds());
                System.out.println("settings: " + o.config() + (o.tuned() ? " (tuned on validation)" : " (defaults: too few shoppers to tune)"));
                if (o.model() != null) {
                    System.out.printf("%-12s %10s %10s %10s%n", "last item", "ndcg@10", "hr@10", "shoppers");
                    System.out.printf("%-12s %10.4f %10.4f %,10d%n", "popularity", o.popularity().ndcg10(), o.popularity().hr10(), o.popularity().cases());
                    System.out.printf("%-12s %10.4f %10.4f %,10d%n", "transition", o.model().ndcg10(), o.model().hr10(), o.model().cases());
                }
            }
            return 0;
        }
    }
}
