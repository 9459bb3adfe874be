package io.aisle.bench.content;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent grounding check, deliberately unlike the content module's grounding gate: it never sees Aisle's
 * product model or facts, only the raw JSON record, and it works token by token. Every number in the text must equal
 * a number somewhere in the record (price, name, attribute values); every word that belongs to the catalogue's own
 * material or colour vocabulary (all values of those fields across the whole catalogue, plus a short list of common
 * fabrics and colours) must occur among the record's own words; every size label must be one of the record's sizes.
 * Descriptions in the record are excluded, so human copy is checked against the same evidence as generated copy.
 */
final class RecordLookupCheck {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:[.,][0-9]+)?");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(?:[.,][0-9]+)?");
    private static final Set<String> SIZE_LABELS = Set.of("XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL");
    private static final List<String> COMMON_FABRICS = List.of("leather", "silk", "cashmere", "denim", "spandex", "elastane",
            "merino", "bamboo", "rubber", "steel", "aluminum", "aluminium", "plastic", "foam", "neoprene", "suede", "down",
            "velvet", "satin", "twill", "acrylic", "viscose", "modal", "lyocell", "wool", "cotton", "polyester", "nylon");
    private static final List<String> COMMON_COLOURS = List.of("black", "white", "gray", "grey", "red", "blue", "green",
            "yellow", "orange", "purple", "pink", "brown", "beige", "navy", "teal", "olive", "khaki", "lavender", "silver",
            "gold", "charcoal", "heather");

    private final Set<String> materialWords = new HashSet<>();
    private final Set<String> colourWords = new HashSet<>();

    /** Builds the vocabularies from every record of the catalogue. */
    RecordLookupCheck(List<JsonNode> records) {
        for (JsonNode r : records) {
            JsonNode a = r.path("attributes");
            words(a.path("material"), materialWords);
            words(a.path("color_options"), colourWords);
            words(a.path("color"), colourWords);
        }
        materialWords.addAll(COMMON_FABRICS);
        colourWords.addAll(COMMON_COLOURS);
        // Words that name fabric technology families, not a material claim of their own.
        materialWords.removeAll(Set.of("performance", "fabric", "reg", "trade"));
    }

    /** The distinct tokens of {@code text} the record does not support. */
    List<String> violations(JsonNode record, String text) {
        Set<String> recordWords = new HashSet<>();
        Set<String> recordTokens = new HashSet<>();
        List<BigDecimal> recordNumbers = new ArrayList<>();
        StringBuilder evidence = new StringBuilder();
        evidence.append(record.path("name").asText()).append(' ').append(record.path("price").asText()).append(' ');
        record.path("categories").forEach(c -> evidence.append(c.asText()).append(' '));
        record.path("attributes").properties().forEach(e -> {
            JsonNode v = e.getValue();
            String s = v.isArray() ? join(v) : v.asText();
            if (s.equals("Yes") || s.equals("1")) evidence.append(e.getKey().replace('_', ' ')).append(' ');
            else if (!s.equals("No") && !s.equals("0")) evidence.append(s).append(' ');
        });
        String ev = evidence.toString().replaceAll("&[a-z0-9#]+;", " ");
        Matcher t = TOKEN.matcher(ev);
        while (t.find()) { recordTokens.add(t.group()); recordWords.add(t.group().toLowerCase(Locale.ROOT)); }
        Matcher n = NUMBER.matcher(ev);
        while (n.find()) recordNumbers.add(new BigDecimal(n.group().replace(',', '.')));

        Set<String> out = new LinkedHashSet<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String tok = m.group();
            if (Character.isDigit(tok.charAt(0))) {
                Matcher num = NUMBER.matcher(tok);
                if (num.lookingAt() && !numberIn(num.group(), recordNumbers)) out.add(tok);
                continue;
            }
            String lower = tok.toLowerCase(Locale.ROOT);
            if ((materialWords.contains(lower) || colourWords.contains(lower)) && !recordWords.contains(lower)
                    && !(lower.equals("grey") && recordWords.contains("gray"))) out.add(lower);
            else if (SIZE_LABELS.contains(tok) && !recordTokens.contains(tok)) out.add(tok);
        }
        return List.copyOf(out);
    }

    private static boolean numberIn(String written, List<BigDecimal> numbers) {
        List<BigDecimal> readings = new ArrayList<>();
        readings.add(new BigDecimal(written.replace(',', '.')));
        if (written.contains(",")) readings.add(new BigDecimal(written.replace(",", "")));
        for (BigDecimal r : readings) for (BigDecimal x : numbers) if (x.compareTo(r) == 0) return true;
        return false;
    }

    private static void words(JsonNode v, Set<String> into) {
        String s = (v.isArray() ? join(v) : v.asText("")).replaceAll("&[a-z0-9#]+;", " ");
        Matcher m = TOKEN.matcher(s);
        while (m.find()) if (!Character.isDigit(m.group().charAt(0))) into.add(m.group().toLowerCase(Locale.ROOT));
    }

    private static String join(JsonNode array) {
        StringBuilder b = new StringBuilder();
        array.forEach(x -> b.append(x.asText()).append(", "));
        return b.toString();
    }
}
