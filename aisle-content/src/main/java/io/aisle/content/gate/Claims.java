package io.aisle.content.gate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the factual claims in a text: numbers (prices, sizes, percentages, dimensions), materials, colours, size
 * labels, product properties that are promises (waterproof, organic...) and, in English, proper names. Lexicons
 * cover English plus the common German, French and Spanish words, mapped to the English word the catalogue uses.
 */
public final class Claims {
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
    private static final Pattern BREAK = Pattern.compile("[.!?:;•|–—(\\n]");
    private static final Set<String> SIZES = Set.of("XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL", "2XL", "3XL", "4XL");

    private static final Set<String> MATERIALS = Set.of("cotton", "wool", "merino", "cashmere", "silk", "linen", "hemp",
            "polyester", "nylon", "spandex", "elastane", "lycra", "rayon", "viscose", "modal", "tencel", "lyocell", "acrylic",
            "fleece", "leather", "suede", "denim", "canvas", "mesh", "jersey", "microfiber", "microfibre", "feather",
            "bamboo", "jute", "burlap", "rubber", "neoprene", "latex", "pvc", "vinyl", "plastic", "polypropylene",
            "polyurethane", "foam", "steel", "aluminium", "aluminum", "titanium", "carbon", "glass", "ceramic", "wood",
            "kevlar", "velvet", "satin", "corduroy", "tweed", "flannel", "chiffon", "lace", "fur", "shearling", "sherpa",
            "twill", "cordura", "ripstop", "gore-tex", "goretex", "alpaca", "mohair", "angora", "gold", "silver", "platinum");
    private static final Set<String> COLOURS = Set.of("black", "white", "gray", "grey", "red", "blue", "green", "yellow",
            "orange", "purple", "pink", "brown", "beige", "navy", "teal", "maroon", "burgundy", "olive", "khaki", "lavender",
            "violet", "turquoise", "cream", "ivory", "charcoal", "tan", "coral", "indigo", "magenta", "cyan");
    private static final Set<String> PROPERTIES = Set.of("waterproof", "water-resistant", "windproof", "organic", "recycled",
            "vegan", "hypoallergenic", "antibacterial", "antimicrobial", "stain-resistant", "fireproof", "insulated",
            "reflective", "wheeled", "lockable", "tsa");
    /** Translations to the English word, per language. */
    private static final Map<String, Map<String, String>> TRANSLATED = Map.of(
            "de", Map.ofEntries(Map.entry("baumwolle", "cotton"), Map.entry("wolle", "wool"), Map.entry("leder", "leather"),
                    Map.entry("seide", "silk"), Map.entry("leinen", "linen"), Map.entry("schwarz", "black"),
                    Map.entry("weiß", "white"), Map.entry("grau", "gray"), Map.entry("rot", "red"), Map.entry("blau", "blue"),
                    Map.entry("grün", "green"), Map.entry("gelb", "yellow"), Map.entry("lila", "purple"), Map.entry("braun", "brown"),
                    Map.entry("wasserdicht", "waterproof"), Map.entry("bio", "organic")),
            "fr", Map.ofEntries(Map.entry("coton", "cotton"), Map.entry("laine", "wool"), Map.entry("cuir", "leather"),
                    Map.entry("soie", "silk"), Map.entry("noir", "black"), Map.entry("blanc", "white"), Map.entry("gris", "gray"),
                    Map.entry("rouge", "red"), Map.entry("bleu", "blue"), Map.entry("vert", "green"), Map.entry("jaune", "yellow"),
                    Map.entry("imperméable", "waterproof"), Map.entry("biologique", "organic")),
            "es", Map.ofEntries(Map.entry("algodón", "cotton"), Map.entry("algodon", "cotton"), Map.entry("lana", "wool"),
                    Map.entry("cuero", "leather"), Map.entry("seda", "silk"), Map.entry("lino", "linen"), Map.entry("negro", "black"),
                    Map.entry("blanco", "white"), Map.entry("gris", "gray"), Map.entry("rojo", "red"), Map.entry("azul", "blue"),
                    Map.entry("verde", "green"), Map.entry("amarillo", "yellow"), Map.entry("morado", "purple"),
                    Map.entry("impermeable", "waterproof"), Map.entry("orgánico", "organic")));
    /** Capitalised words that start English sentences or headings without naming anything. */
    private static final Set<String> COMMON_CAPITALISED = Set.of("I", "A", "An", "The", "It", "Its", "This", "Our", "You", "Your");

    private Claims() {}

    /** Every claim in {@code text}, in order of appearance. */
    public static List<Claim> in(String text, Locale locale) {
        List<Claim> out = new ArrayList<>();
        Matcher n = NUMBER.matcher(text);
        while (n.find()) out.add(new Claim(Claim.Kind.NUMBER, n.group(), n.group()));
        Map<String, String> translated = TRANSLATED.getOrDefault(locale.getLanguage(), Map.of());
        Matcher w = WORD.matcher(text);
        boolean sentenceStart = true;
        int lastEnd = 0;
        while (w.find()) {
            String between = text.substring(lastEnd, w.start());
            if (lastEnd == 0 || BREAK.matcher(between).find()) sentenceStart = true;
            lastEnd = w.end();
            String written = w.group();
            String lower = written.toLowerCase(Locale.ROOT).replace('’', '\'');
            String english = translated.getOrDefault(lower, lower);
            if (english.equals("grey")) english = "gray";
            if (SIZES.contains(written)) out.add(new Claim(Claim.Kind.SIZE, written, written));
            else if (MATERIALS.contains(english)) out.add(new Claim(Claim.Kind.MATERIAL, written, english));
            else if (COLOURS.contains(english)) out.add(new Claim(Claim.Kind.COLOUR, written, english));
            else if (PROPERTIES.contains(english)) out.add(new Claim(Claim.Kind.PROPERTY, written, english));
            else if (locale.getLanguage().equals("en") && !sentenceStart && Character.isUpperCase(written.charAt(0))
                    && !COMMON_CAPITALISED.contains(written)) {
                out.add(new Claim(Claim.Kind.NAME, written, lower));
            }
            sentenceStart = false;
        }
        return out;
    }

    /** The numbers in {@code text}, each read both with '.' and with ',' as the decimal mark where that is ambiguous. */
    public static Set<BigDecimal> numbersIn(String text) {
        Set<BigDecimal> out = new HashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) out.addAll(readings(m.group()));
        return out;
    }

    /** The values a written number may mean: "1,299.50" is 1299.50; "52,00" is 52.00; "1.299" is 1.299 or 1299. */
    public static List<BigDecimal> readings(String written) {
        List<BigDecimal> out = new ArrayList<>();
        int lastDot = written.lastIndexOf('.');
        int lastComma = written.lastIndexOf(',');
        if (lastDot < 0 && lastComma < 0) return List.of(new BigDecimal(written));
        char decimal = lastDot > lastComma ? '.' : ',';
        char group = decimal == '.' ? ',' : '.';
        out.add(parse(written, decimal, group));
        // A single separator may be a decimal mark or a thousands group.
        if (written.indexOf(group) < 0) out.add(new BigDecimal(written.replace(String.valueOf(decimal), "")));
        return out.stream().filter(java.util.Objects::nonNull).toList();
    }

    private static BigDecimal parse(String written, char decimal, char group) {
        String plain = written.replace(String.valueOf(group), "").replace(decimal, '.');
        if (plain.indexOf('.') != plain.lastIndexOf('.')) return null;
        return new BigDecimal(plain);
    }
}
