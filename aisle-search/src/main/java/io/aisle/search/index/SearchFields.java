package io.aisle.search.index;

/** Names of the fields in the product index, shared by the indexer, the retrievers and the re-ranker's features. */
public final class SearchFields {
    private SearchFields() {}

    /** Stored, indexed as a keyword: the product id. */
    public static final String ID = "id";
    /** English-analysed text fields searched by BM25, each scored separately for the re-ranker. */
    public static final String TITLE = "title";
    public static final String BRAND = "brand";
    public static final String CATEGORY = "category";
    public static final String ATTRIBUTES = "attributes";
    public static final String DESCRIPTION = "description";
    /** Every text field together, for the plain BM25 baseline and recall. */
    public static final String ALL = "all";
    /** Unstemmed words of title, brand, category and attribute values: the spelling dictionary. */
    public static final String SPELL = "spell";
    /** The product's content vector (HNSW, cosine via dot product of unit vectors). */
    public static final String VECTOR = "vector";
    /** Doc values: price in major units as double, total stock as long, popularity as double. */
    public static final String PRICE = "price";
    public static final String STOCK = "stock";
    public static final String POPULARITY = "popularity";
    /** Facet fields (sorted-set doc values): brand and leaf category; attributes share {@link #FACET_ATTRIBUTES}. */
    public static final String FACET_BRAND = "facet.brand";
    public static final String FACET_CATEGORY = "facet.category";
    /** Keyword fields "attr.colour" with lower-cased values, for attribute filters and boosts. */
    public static final String FACET_ATTRIBUTE_PREFIX = "attr.";

    /** Keyword (lower-cased) of the brand, for filters; {@link #FACET_BRAND} holds the catalogue's spelling. */
    public static final String BRAND_KEY = "brand.key";
    /** Keyword (lower-cased) of the leaf category, for filters; {@link #FACET_CATEGORY} holds the catalogue's spelling. */
    public static final String CATEGORY_KEY = "category.key";
    /** Keyword (lower-cased) of every prefix of the category path joined by " > ", for category intents. */
    public static final String CATEGORY_PATH = "category.path";
    /** Sorted-set doc values "name\u001Fvalue" of every facetable attribute, counted in one pass. */
    public static final String FACET_ATTRIBUTES = "facet.attributes";
    /** Prefix of numeric attribute fields ("num.ram"): point and doc values in the attribute's canonical unit. */
    public static final String NUMERIC_PREFIX = "num.";
    /** Doc values: number of analysed title terms. */
    public static final String TITLE_TERMS = "title.terms";
    /** Stored: the price as "amount currency". */
    public static final String PRICE_STORED = "price.stored";
    /** Keyword terms "lower-cased\u0000display" for prefix completion of brands, categories and titles. */
    public static final String SUGGEST_BRAND = "suggest.brand";
    public static final String SUGGEST_CATEGORY = "suggest.category";
    public static final String SUGGEST_TITLE = "suggest.title";
}
