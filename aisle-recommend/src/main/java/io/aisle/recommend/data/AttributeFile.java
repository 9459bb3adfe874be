package io.aisle.recommend.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads item attributes in the research format {@code {"item_id": [attribute_id, ...], ...}} (category and brand
 * ids without names) into {@link ItemContent}, indexed like the sequences' {@link ItemIds}. Items the file lacks
 * get no attributes; items only the file knows are skipped. Attribute ids are remapped densely.
 */
public final class AttributeFile {
    private static final Pattern ENTRY = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\\[([^\\]]*)\\]");

    private AttributeFile() {}

    public static ItemContent read(Path file, ItemIds items) throws IOException {
        String json = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!json.startsWith("{") || !json.endsWith("}")) {
            throw new IllegalArgumentException(file.getFileName() + ": expected a JSON object of item id -> [attribute ids]");
        }
        int[][] attributes = new int[items.size()][];
        ItemIds attributeIds = new ItemIds();
        Matcher m = ENTRY.matcher(json);
        while (m.find()) {
            var index = items.indexOf(m.group(1));
            if (index.isEmpty()) continue;
            String body = m.group(2).strip();
            if (body.isEmpty()) {
                attributes[index.get()] = new int[0];
                continue;
            }
            String[] parts = body.split(",");
            int[] a = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                String p = parts[i].strip();
                if (!p.matches("-?\\d+")) {
                    throw new IllegalArgumentException(file.getFileName() + ": item " + m.group(1) + " has a non-integer attribute '" + p + "'");
                }
                a[i] = attributeIds.intern(p);
            }
            attributes[index.get()] = Arrays.stream(a).distinct().toArray();
        }
        for (int i = 0; i < attributes.length; i++) if (attributes[i] == null) attributes[i] = new int[0];
        return new ItemContent(attributes, attributeIds.size(), null);
    }
}
