package io.aisle.content.facts;

import io.aisle.core.catalog.Product;
import io.aisle.core.port.GroundingFact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything copy about one product may say, retrieved before generation: the product's own fields and attributes,
 * its reviews, what sets it apart from its category peers, and the search terms shoppers use for it.
 *
 * @param noun        what the product is, in one word, taken from its name ("hoodie")
 * @param flags       yes/no properties that are set ("performance fabric", "eco collection")
 * @param distinctive an attribute value rare among the peers, to differentiate the product; may be empty
 * @param seoTerms    search terms shoppers use for products like it, most used first; the first is the primary keyword
 */
public record ProductFacts(Product product, String noun, List<Attribute> attributes, List<String> flags,
                           List<Review> reviews, List<Product> peers, String distinctive, List<String> seoTerms) {
    public ProductFacts {
        attributes = List.copyOf(attributes);
        flags = List.copyOf(flags);
        reviews = List.copyOf(reviews);
        peers = List.copyOf(peers);
        seoTerms = List.copyOf(seoTerms);
        distinctive = distinctive == null ? "" : distinctive;
    }

    /** The primary keyword: the most used search term, or the product noun when no searches are known. */
    public String primaryKeyword() { return seoTerms.isEmpty() ? noun : seoTerms.get(0); }

    /** Values of every attribute with {@code role}, in catalogue order. */
    public List<String> values(Attribute.Role role) {
        List<String> out = new ArrayList<>();
        for (Attribute a : attributes) if (a.role() == role) out.addAll(a.values());
        return out;
    }

    /** Every attribute value: what copy should cover, and what the discriminator's coverage feature counts. */
    public List<String> keyValues() {
        List<String> out = new ArrayList<>();
        for (Attribute a : attributes) out.addAll(a.values());
        return out;
    }

    /** The facts as sent to a text generator; every claim in the text must map to one of them. */
    public List<GroundingFact> grounding() {
        List<GroundingFact> out = new ArrayList<>();
        Product p = product;
        out.add(GroundingFact.of("name", io.aisle.content.facts.Markup.clean(p.title())));
        out.add(GroundingFact.of("noun", noun));
        if (p.brand() != null && !p.brand().isBlank()) out.add(GroundingFact.of("brand", p.brand()));
        if (!p.category().isEmpty()) out.add(GroundingFact.of("category", p.category()));
        out.add(GroundingFact.of("price", p.price().amount().toPlainString()));
        out.add(GroundingFact.of("currency", p.price().currency()));
        for (Attribute a : attributes) {
            String name = a.role() == Attribute.Role.FEATURE ? "feature." + a.label().replace(' ', '_') : a.role().fact();
            for (String v : a.values()) out.add(GroundingFact.of(name, v));
        }
        for (String f : flags) out.add(GroundingFact.of("flag", f));
        if (!distinctive.isEmpty()) out.add(GroundingFact.of("distinctive", distinctive));
        for (String t : seoTerms) out.add(GroundingFact.of("seo_term", t));
        for (Review r : reviews) out.add(new GroundingFact(p.id().value(), "review", r.title() + ": " + r.text()));
        for (Product peer : peers) out.add(new GroundingFact(peer.id().value(), "peer", peer.title()));
        return out;
    }

    /** Every value copy may state, lower-cased, for the grounding gate (peers, reviews and search terms excluded: they are
     * not facts about this product). */
    public String supportText() {
        StringBuilder b = new StringBuilder();
        Product p = product;
        b.append(Markup.clean(p.title())).append('\n').append(noun).append('\n').append(String.join(" ", p.categoryPath())).append('\n');
        if (p.brand() != null) b.append(p.brand()).append('\n');
        for (Attribute a : attributes) b.append(a.label()).append(": ").append(String.join(", ", a.values())).append('\n');
        for (String f : flags) b.append(f).append('\n');
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
