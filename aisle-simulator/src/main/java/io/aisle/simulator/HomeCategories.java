package io.aisle.simulator;

import java.util.List;

/** Home, garden, baby, pet and grocery categories of the default taxonomy. Brand and model names are invented. */
final class HomeCategories {
    private HomeCategories() {}

    static List<CategoryProfile> all() {
        return List.of(coffeeMakers(), sofas(), lawnMowers(), strollers(), dogFood(), coffeeBeans());
    }

    static CategoryProfile coffeeMakers() {
        return CategoryProfile.at("Home", "Kitchen", "Coffee Makers").share(3).noun("Coffee Maker", "coffee maker", "coffee machine", "espresso machine")
                .brands("Brewhaus", "Crema & Co", "Morrow", "Vallina", "Tazzo", "Kettleby")
                .models(List.of("Barista", "Aroma", "Ritual", "Morning", "Duetto"), List.of("", "One", "Plus", "Pro", "Duo", "Touch"))
                .price(149, 0.6)
                .choice("type", 1.0, "Drip Coffee Maker", "Capsule Machine", "Espresso Machine", "Bean-to-Cup Machine")
                .range("capacity", "l", 0.8, 2.0, 1, 0.1)
                .numbers("pressure", "bar", 0.2, 9, 15, 19)
                .flag("built_in_grinder", 0.35, 0.5)
                .flag("milk_frother", 0.5, 0.2)
                .flag("programmable", 0.5, 0.1)
                .numbers("power", "W", 0.1, 900, 1100, 1350, 1500)
                .common("colour", "Black", "Stainless Steel", "White", "Cream", "Red")
                .title("{brand} {model} {type}, {capacity}, {colour}")
                .sentence("The {brand} {model} {type} holds {capacity} of water and brews cafe-style coffee at home.")
                .sentence("type=Espresso Machine", "A {pressure} pump pulls rich espresso shots with real crema.")
                .sentence("built_in_grinder", "A built-in grinder grinds fresh beans for every cup.")
                .sentence("milk_frother", "The milk frother makes cappuccinos and lattes without a trip to the cafe.")
                .sentence("programmable", "Program it the night before and wake up to fresh coffee.")
                .sentence("It draws {power} and is a solid pick for {use} and {use2}.")
                .use("small kitchens").use("espresso lovers", "type", "Espresso Machine", "Bean-to-Cup Machine")
                .use("busy mornings").use("offices").use("latte art", "milk_frother", "yes").use("large families")
                .modifiers("espresso", "with grinder", "bean to cup", "milk frother", "programmable")
                .months(1.0, 0.9, 0.9, 0.9, 0.9, 0.85, 0.85, 0.9, 1.0, 1.05, 1.3, 1.5)
                .build();
    }

    static CategoryProfile sofas() {
        return CategoryProfile.at("Home", "Furniture", "Sofas").share(2).noun("Sofa", "sofa", "couch", "settee")
                .brands("Hallberg", "Loftline", "Maison Arlo", "Nordhem", "Casavelle")
                .models(List.of("Haven", "Linden", "Marlow", "Sable", "Tove", "Alder"), List.of("", "Corner", "Chaise", "Modular"))
                .price(899, 0.45)
                .numbers("seats", null, 0.5, 2, 3, 4)
                .choice("material", 0.4, "Linen Blend", "Velvet", "Boucle", "Leather")
                .range("width", "cm", 150, 300, 0, 0.3)
                .range("depth", "cm", 80, 105, 0, 0)
                .flag("sofa_bed", 0.25, 0.2)
                .flag("removable_covers", 0.4, 0.05)
                .variants(0.4, "colour", "Charcoal", "Oatmeal", "Forest Green", "Navy", "Terracotta", "Blush")
                .title("{brand} {model} {seats|-Seater} Sofa, {material}")
                .sentence("The {brand} {model} is a {seats|-seat} sofa upholstered in {material}, {width} wide and {depth} deep.")
                .sentence("sofa_bed", "It unfolds into a guest bed in seconds.")
                .sentence("removable_covers", "Removable, washable covers make it easy to live with.")
                .sentence("Its proportions suit {use}, and it works just as well for {use2}.")
                .use("small apartments", "seats", "2").use("families with kids").use("pet owners", "removable_covers", "yes")
                .use("guest rooms", "sofa_bed", "yes").use("open-plan living rooms").use("movie nights")
                .modifiers("velvet", "sofa bed", "3 seater", "corner", "linen")
                .months(1.2, 1.1, 1.0, 1.0, 0.95, 0.9, 0.85, 0.9, 1.0, 1.05, 1.1, 0.9)
                .refunds(0.04)
                .build();
    }

    static CategoryProfile lawnMowers() {
        return CategoryProfile.at("Garden", "Tools", "Lawn Mowers").share(2).noun("Lawn Mower", "lawn mower", "mower", "lawnmower")
                .brands("Verdance", "Hedgewick", "Mowbray", "Tillwood", "Greenrow")
                .models(List.of("Cut", "Trim", "Glide", "Meadow", "Field"), List.of("32", "37", "42", "46", "51", "Pro"))
                .price(279, 0.55)
                .choice("power", 0.4, "Corded Electric", "Cordless", "Petrol")
                .numbers("cutting_width", "cm", 0.4, 32, 37, 42, 46, 51)
                .numbers("grass_box", "l", 0.2, 30, 40, 50, 60)
                .range("weight", "kg", 9, 38, 1, 0)
                .flag("mulching", 0.45, 0.1)
                .flag("self_propelled", 0.25, 0.35)
                .title("{brand} {model} {power} Lawn Mower, {cutting_width}")
                .sentence("The {brand} {model} is a {power_lc} mower with a {cutting_width} cut and a {grass_box} grass box.")
                .sentence("mulching", "A mulching plug returns fine clippings to the lawn as fertiliser.")
                .sentence("self_propelled", "Self-propelled drive takes the effort out of slopes.")
                .sentence("At {weight} it suits {use}.")
                .sentence("Gardeners also rate it for {use2}.")
                .use("small gardens", "cutting_width", "32 cm", "37 cm").use("large lawns", "cutting_width", "46 cm", "51 cm")
                .use("sloped gardens", "self_propelled", "yes").use("quiet neighbourhoods", "power", "Cordless", "Corded Electric")
                .use("low-maintenance gardens").use("striped lawns")
                .modifiers("cordless", "self propelled", "mulching", "petrol", "electric")
                .months(0.25, 0.35, 1.1, 1.9, 2.1, 1.8, 1.4, 1.0, 0.7, 0.45, 0.35, 0.3)
                .build();
    }

    static CategoryProfile strollers() {
        return CategoryProfile.at("Baby", "Travel", "Strollers").share(1.5).noun("Stroller", "stroller", "pushchair", "buggy", "pram")
                .brands("Littlewell", "Bambino Nord", "Cubby & Co", "Wanderkin", "Nestling")
                .models(List.of("Voyage", "Breeze", "Cloud", "Roam", "Dash"), List.of("", "2", "Lite", "Duo", "Plus", "XT"))
                .price(399, 0.5)
                .choice("type", 0.6, "Lightweight", "Travel System", "Full-Size", "Jogging", "Double")
                .range("weight", "kg", 5.5, 15, 1, -0.1)
                .numbers("max_child_weight", "kg", 0.1, 15, 17, 22, 25)
                .flag("one_hand_fold", 0.6, 0.15)
                .flag("reversible_seat", 0.45, 0.15)
                .flag("all_terrain_wheels", 0.35, 0.1)
                .variants(0.4, "colour", "Black", "Stone Grey", "Olive", "Navy", "Sand")
                .title("{brand} {model} {type} Stroller")
                .sentence("The {brand} {model} is a {type} stroller weighing {weight} that carries children up to {max_child_weight}.")
                .sentence("one_hand_fold", "A one-hand fold helps when you are holding a baby in the other arm.")
                .sentence("reversible_seat", "The reversible seat lets little ones face you or the world.")
                .sentence("all_terrain_wheels", "Air-filled all-terrain wheels roll over gravel and forest paths.")
                .sentence("Parents pick it for {use} and {use2}.")
                .use("city living").use("everyday walks").use("air travel", "type", "Lightweight").use("newborns", "type", "Travel System", "Full-Size")
                .use("jogging", "type", "Jogging").use("twins", "type", "Double").use("small car boots", "one_hand_fold", "yes")
                .modifiers("lightweight", "travel system", "jogging", "one hand fold", "double")
                .months(1.0, 1.0, 1.05, 1.05, 1.05, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.9)
                .build();
    }

    static CategoryProfile dogFood() {
        return CategoryProfile.at("Pets", "Dogs", "Dog Food").share(2).noun("Dog Food", "dog food", "dry dog food", "kibble")
                .brands("Wagwell", "Houndly", "Pawridge", "Northpaw", "Canido")
                .models(List.of("Harvest", "Wild", "Field", "Everyday", "Pure", "Coastal"), List.of("Recipe", "Formula", "Classic", "Select"))
                .price(39, 0.3)
                .choice("life_stage", 0, "Puppy", "Adult", "Senior")
                .choice("protein", 0.3, "Chicken", "Beef", "Lamb", "Salmon", "Duck")
                .numbers("weight", "kg", 1.6, 2, 6, 12)
                .choice("breed_size", 0, "small breeds", "medium breeds", "large breeds", "all breeds")
                .flag("grain_free", 0.4, 0.2)
                .flag("sensitive_digestion", 0.3, 0.15)
                .title("{brand} {model} {life_stage} Dog Food, {protein}, {weight}")
                .sentence("{brand} {model} is a complete dry food for {breed_size} ({life_stage}), made with {protein} as the first ingredient.")
                .sentence("grain_free", "The grain-free recipe suits dogs that do better without wheat and corn.")
                .sentence("sensitive_digestion", "Added prebiotics support sensitive stomachs.")
                .sentence("Owners buy it for {use} and {use2}.")
                .use("picky eaters").use("sensitive stomachs", "sensitive_digestion", "yes").use("puppies", "life_stage", "Puppy")
                .use("senior dogs", "life_stage", "Senior").use("active dogs").use("weight control")
                .use("food allergies", "grain_free", "yes")
                .modifiers("grain free", "puppy", "senior", "salmon", "12kg")
                .quantity(3).refunds(0.02)
                .build();
    }

    static CategoryProfile coffeeBeans() {
        return CategoryProfile.at("Grocery", "Coffee", "Coffee Beans").share(2).noun("Coffee Beans", "coffee beans", "coffee", "espresso beans")
                .brands("Hillroast", "Kopi Lane", "Altamira Roasters", "Ember & Bean", "Finca Sol")
                .models(List.of("Origin", "House", "Morning", "Reserve", "Single Estate"), List.of("Blend", "Roast", "No. 3", "No. 7"))
                .price(14, 0.35)
                .choice("origin", 0.3, "Brazil", "Colombia", "Guatemala", "Ethiopia", "Kenya", "Sumatra")
                .choice("roast", 0, "Light", "Medium", "Dark")
                .numbers("weight", "g", 1.3, 250, 500, 1000)
                .choice("tasting_notes", 0, "chocolate and hazelnut", "caramel and red apple", "berries and jasmine",
                        "citrus and honey", "dark cocoa and spice")
                .flag("organic", 0.35, 0.15)
                .flag("whole_bean", 0.75, 0)
                .title("{brand} {model} {origin} Coffee Beans, {roast} Roast, {weight}")
                .sentence("{brand} {model} is a {roast} roast from {origin} with notes of {tasting_notes}.")
                .sentence("organic", "Certified organic and traded directly with the farm.")
                .sentence("whole_bean", "Whole beans keep their aroma until you grind them.")
                .sentence("A good match for {use} and {use2}.")
                .use("espresso", "roast", "Medium", "Dark").use("filter coffee", "roast", "Light", "Medium").use("french press")
                .use("cold brew").use("moka pot").use("office coffee")
                .modifiers("organic", "whole bean", "ethiopia", "dark roast", "1kg")
                .months(1.15, 1.1, 1.0, 0.95, 0.9, 0.85, 0.85, 0.9, 1.0, 1.05, 1.1, 1.2)
                .quantity(3).refunds(0.01)
                .build();
    }
}
