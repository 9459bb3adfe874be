package io.aisle.assistant;

import io.aisle.core.port.GeneratedText;
import io.aisle.core.port.GenerationException;
import io.aisle.core.port.GenerationRequest;
import io.aisle.core.port.GroundingFact;
import io.aisle.core.port.TextGenerator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in answer writer: offline, deterministic, and grounded by construction, since every product word it
 * writes is a fact's value. It knows one task, {@code answer}, and reads the facts {@link Assistant} sends: general
 * ones ({@code intent}, {@code request}, {@code note}, {@code verdict}, {@code compare_on}, {@code asked},
 * {@code policy}) and per product ({@code title}, {@code price}, {@code stock}, {@code reason}, {@code attr.*}).
 */
public final class AnswerComposer implements TextGenerator {
    public static final String BACKEND = "composer";

    @Override public String backend() { return BACKEND; }

    @Override public GeneratedText generate(GenerationRequest request) {
        if (!request.task().equals("answer")) throw new GenerationException("the composer writes 'answer' only, not '" + request.task() + "'");
        Map<String, Map<String, List<String>>> products = new LinkedHashMap<>();
        for (GroundingFact f : request.facts()) {
            if (f.subject().isEmpty()) continue;
            products.computeIfAbsent(f.subject(), k -> new LinkedHashMap<>()).computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f.value());
        }
        StringBuilder out = new StringBuilder();
        String intent = request.value("intent");
        switch (intent) {
            case "find", "refine" -> find(request, products, out);
            case "compare" -> compare(request, products, out);
            case "question" -> question(request, products, out);
            case "policy" -> policy(request, out);
            default -> out.append(request.value("decline").isEmpty()
                    ? "I'm the shop's shopping assistant, so I can't help with that. I can find products, compare them or answer questions about them."
                    : request.value("decline"));
        }
        for (String note : request.values("note")) out.append('\n').append(note);
        String text = out.toString().strip();
        if (text.length() > request.maxChars()) text = text.substring(0, request.maxChars());
        return new GeneratedText(text, BACKEND, 0);
    }

    private static void find(GenerationRequest r, Map<String, Map<String, List<String>>> products, StringBuilder out) {
        String what = r.value("request");
        if (products.isEmpty()) {
            out.append("I couldn't find products").append(what.isEmpty() ? "" : " matching " + what)
                    .append(". Try a higher budget or fewer requirements.");
            return;
        }
        out.append(products.size() == 1 ? "Here is one pick" : "Here are " + products.size() + " picks")
                .append(what.isEmpty() ? "" : " for " + what).append(":\n");
        int n = 1;
        for (var e : products.entrySet()) {
            Map<String, List<String>> p = e.getValue();
            out.append(n++).append(". ").append(one(p, "title")).append(" (").append(e.getKey()).append("): ")
                    .append(one(p, "price")).append(", ").append(one(p, "stock")).append('.');
            String reason = one(p, "reason");
            if (!reason.isEmpty()) out.append(' ').append(Character.toUpperCase(reason.charAt(0))).append(reason.substring(1)).append('.');
            out.append('\n');
        }
    }

    private static void compare(GenerationRequest r, Map<String, Map<String, List<String>>> products, StringBuilder out) {
        if (products.size() < 2) {
            out.append("I need two products to compare; ask me to find some first, or name them.");
            return;
        }
        List<String> titles = new ArrayList<>();
        for (var p : products.values()) titles.add("(" + (titles.size() + 1) + ") " + one(p, "title"));
        out.append("Comparing ").append(String.join(" and ", titles)).append(":\n");
        out.append("- price: ").append(row(products, "price")).append('\n');
        out.append("- stock: ").append(row(products, "stock")).append('\n');
        for (String attr : r.values("compare_on")) out.append("- ").append(attr.replace('_', ' ')).append(": ").append(row(products, "attr." + attr)).append('\n');
        for (String v : r.values("verdict")) out.append(v).append('\n');
    }

    private static void question(GenerationRequest r, Map<String, Map<String, List<String>>> products, StringBuilder out) {
        if (products.isEmpty()) {
            out.append("Which product do you mean? Ask me to find some, then refer to them as \"the first one\" or by brand.");
            return;
        }
        var e = products.entrySet().iterator().next();
        Map<String, List<String>> p = e.getValue();
        out.append(one(p, "title")).append(" (").append(e.getKey()).append(") costs ").append(one(p, "price")).append(" and is ")
                .append(one(p, "stock")).append(".\n");
        List<String> asked = r.values("asked");
        for (String a : asked) {
            if (a.equals("basics")) continue;
            String v = one(p, "attr." + a);
            out.append(v.isEmpty() ? "The catalogue does not list " + a.replace('_', ' ') + " for it." : label(a) + ": " + v + ".").append('\n');
        }
        if (asked.isEmpty()) {
            p.forEach((name, values) -> {
                if (name.startsWith("attr.")) out.append("- ").append(name.substring(5).replace('_', ' ')).append(": ").append(values.get(0)).append('\n');
            });
        }
        String url = one(p, "url");
        if (!url.isEmpty()) out.append("Product page: ").append(url);
    }

    private static void policy(GenerationRequest r, StringBuilder out) {
        List<String> policies = r.values("policy");
        if (policies.isEmpty()) {
            out.append("I can't see orders or the shop's policies from here. The help pages or customer service can answer that.");
        } else {
            out.append("From the shop's policies: ").append(String.join(" ", policies));
        }
    }

    private static String row(Map<String, Map<String, List<String>>> products, String name) {
        List<String> cells = new ArrayList<>();
        for (Map<String, List<String>> p : products.values()) {
            String v = one(p, name);
            cells.add("(" + (cells.size() + 1) + ") " + (v.isEmpty() ? "not listed" : v));
        }
        return String.join(" | ", cells);
    }

    private static String label(String attr) {
        String s = attr.replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String one(Map<String, List<String>> p, String name) {
        List<String> v = p.get(name);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }
}
