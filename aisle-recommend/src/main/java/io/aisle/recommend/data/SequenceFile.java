package io.aisle.recommend.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads interaction histories in the common research format: one user per line, {@code user item item ...} in
 * time order, separated by spaces or tabs. Item ids are mapped to dense indices in order of first appearance.
 */
public final class SequenceFile {

    /** Histories plus the id maps, so results can be reported in the file's own ids. */
    public record Loaded(Sequences sequences, List<String> users, ItemIds items) {}

    private SequenceFile() {}

    public static Loaded read(Path file) throws IOException {
        ItemIds items = new ItemIds();
        List<String> users = new ArrayList<>();
        List<int[]> histories = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String trimmed = line.strip();
                if (trimmed.isEmpty()) continue;
                String[] parts = trimmed.split("[ \t]+");
                if (parts.length < 2) {
                    throw new IllegalArgumentException(file.getFileName() + " line " + lineNo + ": a user needs at least one item, got '" + trimmed + "'");
                }
                int[] h = new int[parts.length - 1];
                for (int i = 1; i < parts.length; i++) h[i - 1] = items.intern(parts[i]);
                users.add(parts[0]);
                histories.add(h);
            }
        }
        if (histories.isEmpty()) throw new IllegalArgumentException(file.getFileName() + ": no user histories");
        return new Loaded(new Sequences(histories.toArray(int[][]::new), items.size()), users, items);
    }
}
