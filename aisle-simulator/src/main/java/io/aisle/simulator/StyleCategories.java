package io.aisle.simulator;

import java.util.List;

/** Apparel, footwear and beauty categories of the default taxonomy. Brand and model names are invented. */
final class StyleCategories {
    private StyleCategories() {}

    private static final String[] CLOTHING_SIZES = {"XS", "S", "M", "L", "XL", "XXL"};
    private static final String[] SHOE_SIZES = {"EU 37", "EU 38", "EU 39", "EU 40", "EU 41", "EU 42", "EU 43", "EU 44",
            "EU 45", "EU 46", "EU 47"};

    static List<CategoryProfile> all() { return List.of(dresses(), jackets(), runningShoes(), hikingBoots(), moisturisers()); }

    static CategoryProfile dresses() {
        return CategoryProfile.at("Apparel", "Women", "Dresses").share(6).noun("Dress", "dress", "dresses", "summer dress")
                .brands("Maren & Ives", "Solenne", "Wren Studio", "Ashby Lane", "Celeste Row", "Fable & Finch")
                .models(List.of("Camille", "Juniper", "Elodie", "Sienna", "Margot", "Isla"), List.of("", "Wrap", "Slip", "Shirt", "Tiered"))
                .price(69, 0.45)
                .common("colour", "Black", "Navy", "Ivory", "Emerald", "Burgundy", "Floral Print", "Dusty Pink")
                .choice("material", 0.5, "Polyester", "Viscose", "Cotton", "Linen", "Silk")
                .choice("length", 0, "Mini", "Midi", "Maxi")
                .choice("sleeve", 0, "sleeveless", "short-sleeve", "long-sleeve")
                .choice("occasion", 0.2, "Casual", "Work", "Party", "Wedding Guest")
                .flag("pockets", 0.4, 0)
                .variants(0.6, "size", CLOTHING_SIZES)
                .title("{brand} {model} {length} Dress, {material}, {colour}")
                .sentence("The {model} from {brand} is a {length} dress in {material} with a {sleeve} cut.")
                .sentence("pockets", "And yes, it has pockets.")
                .sentence("It is made for {use}, and dresses up or down for {use2}.")
                .sentence("Machine washable; the {colour} shade works across seasons.")
                .use("weddings", "occasion", "Wedding Guest").use("the office", "occasion", "Work")
                .use("summer holidays", "material", "Linen", "Cotton").use("date nights", "occasion", "Party")
                .use("everyday wear", "occasion", "Casual").use("petite figures", "length", "Mini", "Midi")
                .use("capsule wardrobes").use("city breaks")
                .modifiers("midi", "linen", "wedding guest", "with pockets", "maxi")
                .months(0.7, 0.75, 0.95, 1.1, 1.3, 1.4, 1.3, 1.1, 0.9, 0.8, 0.8, 0.9)
                .refunds(0.18)
                .build();
    }

    static CategoryProfile jackets() {
        return CategoryProfile.at("Apparel", "Men", "Jackets").share(5).noun("Jacket", "jacket", "coat", "mens jacket")
                .brands("Harlow & Pike", "Northvale", "Greyloch", "Ashdown", "Brantley")
                .models(List.of("Ridge", "Harbour", "Cascade", "Fjell", "Summit", "Ranger"), List.of("", "II", "Pro", "Lite", "Storm"))
                .price(149, 0.5)
                .common("colour", "Black", "Navy", "Olive", "Charcoal", "Tan", "Rust")
                .choice("insulation", 0.5, "no", "synthetic", "down")
                .choice("material", 0.3, "cotton canvas", "recycled polyester", "nylon", "wool blend", "leather")
                .flag("waterproof", 0.5, 0.3)
                .flag("hood", 0.6, 0)
                .range("weight", "g", 350, 1200, 0, 0)
                .variants(0.6, "size", "S", "M", "L", "XL", "XXL")
                .title("{brand} {model} Men's Jacket, {colour}")
                .sentence("The {brand} {model} is a men's jacket in {material} with {insulation} insulation.")
                .sentence("waterproof", "Taped seams and a waterproof membrane keep the rain out.")
                .sentence("hood", "An adjustable hood stows into the collar.")
                .sentence("Weighing {weight}, it is a versatile layer for {use} and {use2}.")
                .use("winter commutes", "insulation", "synthetic", "down").use("hiking in the rain", "waterproof", "yes")
                .use("city wear").use("travel").use("layering").use("freezing weather", "insulation", "down")
                .modifiers("waterproof", "down", "insulated", "with hood", "parka")
                .months(1.6, 1.3, 1.0, 0.7, 0.5, 0.4, 0.4, 0.5, 0.9, 1.3, 1.7, 1.8)
                .refunds(0.15)
                .build();
    }

    static CategoryProfile runningShoes() {
        return CategoryProfile.at("Shoes", "Running Shoes").share(5).noun("Running Shoes", "running shoes", "trainers", "running shoe")
                .brands("Stridelab", "Vantor", "Kinetica", "Pacewell", "Aeris Run", "Trailhawk")
                .models(List.of("Glide", "Tempo", "Surge", "Cloudstep", "Velo", "Rift"), List.of("2", "3", "4", "5", "GTX", "Max", "Lite"))
                .price(119, 0.35)
                .common("colour", "Black/White", "Blue", "Grey", "Neon Yellow", "Red", "White")
                .numbers("drop", "mm", 0, 0, 4, 6, 8, 10, 12)
                .choice("cushioning", 0.4, "minimal", "moderate", "maximum")
                .choice("pronation_support", 0.2, "neutral", "stability", "motion control")
                .range("weight", "g", 180, 340, 0, -0.3)
                .choice("surface", 0.1, "road", "trail", "track")
                .flag("waterproof", 0.15, 0.2)
                .variants(0.6, "size", SHOE_SIZES)
                .title("{brand} {model} Running Shoes, {colour}")
                .sentence("The {brand} {model} is a {surface} running shoe with {cushioning} cushioning, a {drop} drop and {pronation_support} support.")
                .sentence("At {weight} per shoe, it feels light for {use}.")
                .sentence("waterproof", "A waterproof upper keeps feet dry on wet mornings.")
                .sentence("cushioning=maximum", "Thick, soft foam under the heel eases pressure on sore feet.")
                .sentence("Runners recommend it for {use2}.")
                .use("plantar fasciitis", "cushioning", "maximum").use("flat feet", "pronation_support", "stability", "motion control")
                .use("marathon training").use("beginners").use("trail running", "surface", "trail").use("wide feet")
                .use("daily training")
                .modifiers("waterproof", "trail", "cushioned", "stability", "zero drop", "lightweight")
                .months(1.35, 1.1, 1.15, 1.15, 1.1, 1.0, 0.95, 0.9, 0.95, 0.85, 0.8, 0.7)
                .refunds(0.12)
                .build();
    }

    static CategoryProfile hikingBoots() {
        return CategoryProfile.at("Shoes", "Hiking Boots").share(3).noun("Hiking Boots", "hiking boots", "walking boots", "trekking boots")
                .brands("Trailhawk", "Bergmann Outdoor", "Cairnline", "Alpenrose", "Stonefield")
                .models(List.of("Summit", "Talus", "Scree", "Cairn", "Moraine"), List.of("Mid", "High", "GTX", "II", "Pro", "Lite"))
                .price(159, 0.35)
                .common("colour", "Brown", "Grey/Orange", "Black", "Olive", "Navy")
                .choice("cut", 0.2, "low", "mid", "high")
                .flag("waterproof", 0.8, 0.3)
                .choice("upper", 0.3, "synthetic mesh", "suede", "full-grain leather")
                .range("weight", "g", 380, 780, 0, -0.2)
                .numbers("lug_depth", "mm", 0.1, 3, 4, 5, 6)
                .variants(0.6, "size", SHOE_SIZES)
                .title("{brand} {model} Hiking Boots, {colour}")
                .sentence("The {brand} {model} is a {cut}-cut hiking boot with a {upper} upper and {lug_depth} lugs.")
                .sentence("waterproof", "A waterproof, breathable liner keeps feet dry through streams and bogs.")
                .sentence("At {weight} per boot it balances support and agility for {use}.")
                .sentence("Hikers choose it for {use2}.")
                .use("day hikes").use("multi-day treks", "cut", "high").use("muddy trails", "waterproof", "yes")
                .use("rocky terrain", "lug_depth", "5 mm", "6 mm").use("wide feet").use("winter walks")
                .modifiers("waterproof", "leather", "mid", "lightweight", "wide")
                .months(0.7, 0.7, 1.0, 1.3, 1.3, 1.1, 1.0, 1.0, 1.2, 1.1, 0.8, 0.8)
                .refunds(0.1)
                .build();
    }

    static CategoryProfile moisturisers() {
        return CategoryProfile.at("Beauty", "Skincare", "Moisturisers").share(3).noun("Moisturiser", "moisturiser", "moisturizer", "face cream")
                .brands("Lumiere Skin", "Dermaclair", "Botanica Vale", "Solea", "Purelle")
                .models(List.of("Hydra", "Calm", "Glow", "Barrier", "Renew", "Daily"), List.of("Cream", "Gel Cream", "Lotion", "Balm"))
                .price(24, 0.5)
                .choice("skin_type", 0, "dry", "oily", "combination", "sensitive", "all")
                .choice("key_ingredient", 0.3, "hyaluronic acid", "niacinamide", "ceramides", "vitamin C", "retinol")
                .numbers("volume", "ml", 0.6, 30, 50, 100)
                .choice("spf", 0.1, "none", "SPF 15", "SPF 30", "SPF 50")
                .flag("fragrance_free", 0.5, 0.05)
                .flag("vegan", 0.45, 0.05)
                .title("{brand} {model} Moisturiser with {key_ingredient}, {volume}")
                .sentence("{brand} {model} is a daily moisturiser for {skin_type} skin built around {key_ingredient}.")
                .sentence("spf!=none", "Broad-spectrum {spf} protection means it doubles as a day cream.")
                .sentence("fragrance_free", "Fragrance-free and dermatologist-tested.")
                .sentence("vegan", "Vegan and cruelty-free.")
                .sentence("Customers reach for it for {use} and {use2}.")
                .use("dry skin", "skin_type", "dry").use("acne-prone skin", "key_ingredient", "niacinamide")
                .use("sensitive skin", "skin_type", "sensitive").use("anti-ageing", "key_ingredient", "retinol", "vitamin C")
                .use("daily sun protection", "spf", "SPF 30", "SPF 50").use("wearing under makeup").use("winter dryness")
                .modifiers("fragrance free", "spf 30", "vegan", "hyaluronic acid", "niacinamide")
                .quantity(2).refunds(0.04)
                .build();
    }
}
