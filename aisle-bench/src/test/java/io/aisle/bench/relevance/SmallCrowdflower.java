package io.aisle.bench.relevance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Writes a small made-up file in the CrowdFlower train.csv layout: a few queries, graded products, three folds. */
public final class SmallCrowdflower {
    private SmallCrowdflower() {}

    private static final String[][] QUERIES = {
            {"wool socks", "socks", "wool"}, {"led desk lamp", "lamp", "led"}, {"steel water bottle", "bottle", "steel"},
            {"leather wallet", "wallet", "leather"}, {"running shoes", "shoes", "running"}, {"coffee grinder", "grinder", "coffee"}};
    private static final String[] FILLER = {"classic", "deluxe", "compact", "blue", "large", "premium", "travel", "home"};

    /**
     * Per query 16 products: grade 4 names both query words, 3 the head noun only, 2 the modifier only, 1 neither.
     * Descriptions carry HTML, quotes, commas and line breaks; some are empty.
     */
    public static Path write(Path dir, long seed) throws IOException {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        lines.add("id,query,product_title,product_description,median_relevance,relevance_variance,cv_fold");
        int id = 1;
        for (String[] q : QUERIES) {
            for (int i = 0; i < 16; i++) {
                int grade = 1 + i % 4;
                String filler = FILLER[random.nextInt(FILLER.length)];
                String other = QUERIES[(i + 1) % QUERIES.length][1];
                String title = switch (grade) {
                    case 4 -> filler + " " + q[2] + " " + q[1];
                    case 3 -> filler + " " + q[1];
                    case 2 -> q[2] + " " + other;
                    default -> filler + " " + other;
                };
                String description = i % 5 == 0 ? "" : "\"<p>A " + filler + " " + (grade >= 3 ? q[1] : other)
                        + ", made to last.</p>\nSize: 10\"\" x 4\"\"<br/>Ships fast.\"";
                lines.add(id + "," + q[0] + "," + title + "," + description + "," + grade + ",0," + (1 + id % 3));
                id++;
            }
        }
        Path file = dir.resolve("train.csv");
        Files.write(file, lines);
        return file;
    }
}
