package io.aisle.recommend.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads interaction histories in the common research formats: {@code user item item ...} per line in time order,
 * separated by spaces or tabs; a user may span several lines (as in {@code user item}, one interaction per line),
 * whose items are appended in file order. Item ids are mapped to dense indices in order of first appearance.
 */
public final class SequenceFile {

    /** Histories plus the id maps, so results can be reported in the file's own ids. */
    public record Loaded(Sequences sequences, List<String> users, ItemIds items) {}

    private SequenceFile() {}

    public static Loaded read(Path file) throws IOException {
        ItemIds items = new ItemIds();
        java.util.Map<String, IntList> byUser = new java.util.LinkedHashMap<>();
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
                IntList h = byUser.computeIfAbsent(parts[0], u -> new IntList());
                for (int i = 1; i < parts.length; i++) h.add(items.intern(parts[i]));
            }
        }
        if (byUser.isEmpty()) throw new IllegalArgumentException(file.getFileName() + ": no user histories");
        List<String> users = new ArrayList<>(byUser.keySet());
        int[][] histories = byUser.values().stream().map(IntList::toArray).toArray(int[][]::new);
        return new Loaded(new Sequences(histories, items.size()), users, items);
    }

    private static final class IntList {
        private int[] values = new int[8];
        private int size;

        void add(int v) {
            if (size == values.length) values = java.util.Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }

        int[] toArray() { return java.util.Arrays.copyOf(values, size); }
    }
}
