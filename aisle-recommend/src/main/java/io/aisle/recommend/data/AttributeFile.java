package io.aisle.recommend.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads item attributes in the research format {@code {"item_id": [attribute_id, ...], ...}} (S3-Rec's
 * {@code *_item2attributes.json}) into {@link ItemContent}, indexed like the sequences' {@link ItemIds}. Items
 * the sequences do not know are skipped; known items absent from the file get no attributes. The attribute count
 * is one more than the largest attribute id in the file, so ids keep their meaning.
 */
public final class AttributeFile {

    private AttributeFile() {}

    public static ItemContent read(Path file, ItemIds items) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), items, file.getFileName().toString());
    }

    /** Parses the text of an attribute file; {@code source} names it in error messages. */
    public static ItemContent parse(String text, ItemIds items, String source) {
        Objects.requireNonNull(items, "items");
        return new Parser(Objects.requireNonNull(text, "text"), source).content(items);
    }

    /** A small hand parser for exactly this shape of JSON: an object of string keys to arrays of integers. */
    private static final class Parser {
        private final String text;
        private final String source;
        private int at;

        Parser(String text, String source) {
            this.text = text;
            this.source = source;
        }

        ItemContent content(ItemIds items) {
            int[][] attributes = new int[items.size()][0];
            Set<String> seen = new HashSet<>();
            int maxAttribute = -1;
            expect('{');
            if (!peek('}')) {
                do {
                    int keyAt = at;
                    String id = string();
                    if (!seen.add(id)) throw error(keyAt, "item \"" + id + "\" appears twice");
                    expect(':');
                    int[] values = integers();
                    for (int v : values) maxAttribute = Math.max(maxAttribute, v);
                    Optional<Integer> index = items.indexOf(id);
                    if (index.isPresent()) attributes[index.get()] = values;
                } while (consume(','));
            }
            expect('}');
            skipSpace();
            if (at < text.length()) throw error(at, "unexpected text after the closing brace");
            return new ItemContent(attributes, maxAttribute + 1, null);
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (at >= text.length()) throw error(at, "unterminated string");
                char c = text.charAt(at++);
                if (c == '"') return out.toString();
                if (c == '\\') {
                    if (at >= text.length()) throw error(at, "unterminated string");
                    char e = text.charAt(at++);
                    switch (e) {
                        case '"', '\\', '/' -> out.append(e);
                        case 'u' -> {
                            if (at + 4 > text.length()) throw error(at, "short \\u escape");
                            try {
                                out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            } catch (NumberFormatException ex) {
                                throw error(at, "bad \\u escape");
                            }
                            at += 4;
                        }
                        default -> throw error(at - 1, "unsupported escape \\" + e);
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private int[] integers() {
            expect('[');
            List<Integer> values = new ArrayList<>();
            if (!peek(']')) {
                do {
                    values.add(attributeId());
                } while (consume(','));
            }
            expect(']');
            return values.stream().mapToInt(Integer::intValue).toArray();
        }

        private int attributeId() {
            skipSpace();
            int start = at;
            while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '-')) at++;
            String digits = text.substring(start, at);
            int value;
            try {
                value = Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                throw error(start, "expected an attribute id (a whole number), found " + describe(start));
            }
            if (value < 0) throw error(start, "attribute id " + value + " is negative");
            return value;
        }

        private void expect(char c) {
            skipSpace();
            if (at >= text.length() || text.charAt(at) != c) throw error(at, "expected '" + c + "', found " + describe(at));
            at++;
        }

        private boolean peek(char c) {
            skipSpace();
            return at < text.length() && text.charAt(at) == c;
        }

        private boolean consume(char c) {
            if (!peek(c)) return false;
            at++;
            return true;
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
        }

        private String describe(int position) {
            if (position >= text.length()) return "end of file";
            return "'" + text.charAt(position) + "'";
        }

        private IllegalArgumentException error(int position, String message) {
            return new IllegalArgumentException(source + " at character " + position + ": " + message);
        }
    }
}
