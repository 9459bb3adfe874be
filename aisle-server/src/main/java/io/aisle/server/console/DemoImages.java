package io.aisle.server.console;

import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.port.CatalogStore;
import io.aisle.core.validation.Text;
import io.aisle.server.http.ApiException;
import io.aisle.server.http.Role;
import io.aisle.server.http.Router;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Placeholder product images for demo catalogues ({@code /demo-images/<id>.svg}): a shape coloured by top-level
 * category and the start of the title, generated from the live product so no image files need to ship.
 */
final class DemoImages {
    private static final int LINE_CHARS = 18;
    private static final int MAX_LINES = 3;
    private static final Pattern NTH_VIEW = Pattern.compile("(.+)-([2-9])");

    private final CatalogStore catalog;

    DemoImages(CatalogStore catalog) { this.catalog = catalog; }

    void register(Router router) {
        router.get("/demo-images/{file}", Role.OPEN, this::serve);
    }

    private void serve(Context ctx) {
        String file = ctx.pathParam("file");
        if (!file.endsWith(".svg")) throw ApiException.notFound("Demo images are SVG: /demo-images/<id>.svg");
        String name = file.substring(0, file.length() - 4);
        if (Text.idProblem(name) != null) throw ApiException.invalid("id", Text.idProblem(name));
        byte[] svg = render(name).getBytes(StandardCharsets.UTF_8);
        String etag = Assets.etag(svg);
        // Browsers revalidate after an hour; an unchanged product answers 304 without a body.
        ctx.header("ETag", etag).header("Cache-Control", "public, max-age=3600")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType("image/svg+xml; charset=utf-8").result(svg);
    }

    /**
     * The image for {@code <id>}, or the n-th view of a product for {@code <id>-<n>} (the simulator gives some
     * products a second image); an id that itself ends in "-n" wins over that reading.
     */
    private String render(String name) {
        Optional<Product> direct = catalog.get(ProductId.of(name));
        if (direct.isPresent()) return svg(direct.get(), 1);
        Matcher m = NTH_VIEW.matcher(name);
        if (m.matches()) {
            Optional<Product> base = catalog.get(ProductId.of(m.group(1)));
            if (base.isPresent()) return svg(base.get(), Integer.parseInt(m.group(2)));
        }
        throw ApiException.notFound("No product with id '" + name + "'");
    }

    /** The SVG document for one view of a product: view 1 light, later views in the inverse palette. */
    static String svg(Product p, int view) {
        String top = p.categoryPath().isEmpty() ? "" : p.categoryPath().get(0);
        int hue = Math.floorMod(top.hashCode() * 31 + 7, 360);
        boolean alt = view > 1;
        String bg = alt ? "hsl(" + hue + ",40%,30%)" : "hsl(" + hue + ",45%,93%)";
        String fg = alt ? "hsl(" + hue + ",60%,70%)" : "hsl(" + hue + ",55%,52%)";
        String ink = alt ? "hsl(" + hue + ",30%,96%)" : "hsl(" + hue + ",45%,22%)";
        StringBuilder s = new StringBuilder(1024);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"400\" viewBox=\"0 0 400 400\" role=\"img\">")
                .append("<title>").append(xml(p.title())).append("</title>")
                .append("<rect width=\"400\" height=\"400\" fill=\"").append(bg).append("\"/>")
                .append(shape(Math.floorMod(p.category().hashCode() + view - 1, 4), fg));
        if (!top.isEmpty()) {
            s.append("<text x=\"200\" y=\"42\" text-anchor=\"middle\" font-family=\"system-ui,sans-serif\" font-size=\"15\" ")
                    .append("letter-spacing=\"2\" fill=\"").append(ink).append("\">")
                    .append(xml(abbreviate(p.category().toUpperCase(Locale.ROOT), 28))).append("</text>");
        }
        List<String> lines = wrap(p.title());
        int y = 300 - (lines.size() - 1) * 14;
        for (String line : lines) {
            s.append("<text x=\"200\" y=\"").append(y).append("\" text-anchor=\"middle\" font-family=\"system-ui,sans-serif\" ")
                    .append("font-size=\"26\" font-weight=\"600\" fill=\"").append(ink).append("\">")
                    .append(xml(line)).append("</text>");
            y += 32;
        }
        return s.append("</svg>").toString();
    }

    private static String shape(int kind, String fill) {
        return switch (kind) {
            case 0 -> "<circle cx=\"200\" cy=\"160\" r=\"82\" fill=\"" + fill + "\"/>";
            case 1 -> "<rect x=\"122\" y=\"82\" width=\"156\" height=\"156\" rx=\"26\" fill=\"" + fill + "\"/>";
            case 2 -> "<polygon points=\"200,74 290,236 110,236\" fill=\"" + fill + "\"/>";
            default -> "<polygon points=\"200,76 273,118 273,202 200,244 127,202 127,118\" fill=\"" + fill + "\"/>";
        };
    }

    /** Up to three lines of about 18 characters, breaking at spaces; the last ends with "…" when text is cut. */
    static List<String> wrap(String title) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        String[] words = title.strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String w = abbreviate(words[i], LINE_CHARS);
            if (line.length() > 0 && line.length() + 1 + w.length() > LINE_CHARS) {
                if (lines.size() == MAX_LINES - 1) {
                    lines.add(abbreviate(line + " " + w, LINE_CHARS));
                    return lines;
                }
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(w);
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t') b.append(c); // control characters are not allowed in XML 1.0
                }
            }
        }
        return b.toString();
    }
}
