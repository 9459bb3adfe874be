package io.aisle.simulator;

import java.util.ArrayList;
import java.util.List;

/** Sports, outdoor, toy and book categories of the default taxonomy. Brand, model, title and author names are invented. */
final class LeisureCategories {
    private LeisureCategories() {}

    static List<CategoryProfile> all() { return List.of(yogaMats(), tents(), buildingSets(), books()); }

    static CategoryProfile yogaMats() {
        return CategoryProfile.at("Sports", "Yoga", "Yoga Mats").share(2).noun("Yoga Mat", "yoga mat", "exercise mat", "pilates mat")
                .brands("Zenora", "Lotus & Line", "Asanaa", "Stillpoint", "Flowform")
                .models(List.of("Balance", "Ground", "Flow", "Align", "Breathe"), List.of("", "Pro", "Travel", "Grip", "Plus"))
                .price(39, 0.5)
                .numbers("thickness", "mm", 0.3, 1.5, 3, 4, 5, 6, 8)
                .choice("material", 0.6, "PVC", "TPE", "natural rubber", "cork")
                .range("length", "cm", 173, 200, 0, 0.1)
                .range("weight", "kg", 0.9, 3.2, 1, 0)
                .flag("non_slip", 0.7, 0.1)
                .flag("alignment_lines", 0.35, 0.05)
                .common("colour", "Black", "Sage", "Lavender", "Ocean Blue", "Terracotta")
                .title("{brand} {model} Yoga Mat, {thickness}, {material}, {colour}")
                .sentence("The {brand} {model} yoga mat is {thickness} thick, made of {material} and {length} long.")
                .sentence("non_slip", "A non-slip surface grips even in hot yoga.")
                .sentence("alignment_lines", "Printed alignment lines help place hands and feet.")
                .sentence("Weighing {weight}, it is ideal for {use} and {use2}.")
                .use("hot yoga", "non_slip", "yes").use("sensitive knees", "thickness", "6 mm", "8 mm")
                .use("travel", "thickness", "1.5 mm", "3 mm").use("pilates").use("beginners").use("home workouts")
                .modifiers("non slip", "thick", "cork", "travel", "extra long")
                .months(1.6, 1.3, 1.1, 1.0, 0.95, 0.9, 0.85, 0.85, 1.0, 0.9, 0.8, 0.75)
                .build();
    }

    static CategoryProfile tents() {
        return CategoryProfile.at("Outdoors", "Camping", "Tents").share(2).noun("Tent", "tent", "camping tent", "tents")
                .brands("Cairnline", "Basecamp North", "Fjellstad", "Wildmere", "Ursa Trail")
                .models(List.of("Haven", "Nomad", "Dome", "Trek", "Meadow"), List.of("1", "2", "3", "4", "UL", "XL", "Plus"))
                .price(229, 0.6)
                .numbers("capacity", "person", 0.6, 1, 2, 3, 4, 6)
                .choice("season", 0.4, "3-season", "4-season")
                .range("weight", "kg", 1.1, 9.5, 1, -0.1)
                .numbers("waterproof_rating", "mm", 0.3, 1500, 2000, 3000, 5000)
                .choice("structure", 0.1, "dome", "tunnel", "freestanding", "semi-freestanding")
                .flag("footprint_included", 0.3, 0.1)
                .common("colour", "Green", "Orange", "Grey", "Sand")
                .title("{brand} {model} {capacity|-Person} {season} Tent, {colour}")
                .sentence("The {brand} {model} is a {capacity|-person} {season} {structure} tent with a {waterproof_rating} hydrostatic head.")
                .sentence("It packs down to {weight}, good for {use}.")
                .sentence("footprint_included", "A matching footprint is included to protect the floor.")
                .sentence("Campers like it for {use2}.")
                .use("backpacking", "capacity", "1 person", "2 person").use("family camping", "capacity", "4 person", "6 person")
                .use("festivals").use("winter camping", "season", "4-season").use("bikepacking", "capacity", "1 person")
                .use("car camping")
                .modifiers("2 person", "lightweight", "4 season", "family", "waterproof")
                .months(0.35, 0.45, 0.7, 1.0, 1.5, 1.9, 2.1, 1.8, 1.0, 0.55, 0.35, 0.3)
                .build();
    }

    static CategoryProfile buildingSets() {
        return CategoryProfile.at("Toys", "Building Sets").share(3).noun("Building Set", "building set", "building blocks", "construction toy")
                .brands("Brickforge", "Blocktopia", "Tinkerhaus", "Constructo", "Buildwell Kids")
                .models(List.of("Star", "Castle", "City", "Dino", "Rocket", "Harbour"),
                        List.of("Explorer", "Outpost", "Station", "Quest", "Kingdom", "Express"))
                .price(49, 0.7)
                .numbers("pieces", "pieces", 1.8, 150, 300, 550, 900, 1500, 2500, 4000)
                .choice("age", 0, "4+", "6+", "8+", "10+", "12+", "18+")
                .choice("theme", 0, "space", "castle", "city", "vehicles", "dinosaurs", "architecture")
                .flag("motorised", 0.15, 0.4)
                .flag("includes_figures", 0.6, 0.05)
                .title("{brand} {model} Building Set, {pieces}, Ages {age}")
                .sentence("{brand} {model} is a {theme} building set with {pieces} for builders aged {age}.")
                .sentence("motorised", "A motor and battery box bring the model to life.")
                .sentence("includes_figures", "Collectible figures are included for role play.")
                .sentence("It makes a great present for {use}, and a rewarding project for {use2}.")
                .use("birthdays").use("rainy days").use("adult collectors", "age", "18+")
                .use("STEM learning", "theme", "space", "vehicles", "architecture").use("young children", "age", "4+", "6+")
                .use("Christmas")
                .modifiers("space", "castle", "for adults", "motorised", "dinosaur")
                .months(0.55, 0.55, 0.6, 0.65, 0.65, 0.6, 0.65, 0.7, 0.8, 1.1, 2.2, 3.0)
                .refunds(0.03)
                .build();
    }

    static CategoryProfile books() {
        List<String> authors = new ArrayList<>();
        for (String first : List.of("Mira", "Tobias", "Elin", "Jonah", "Ada", "Felix", "Nora", "Idris", "Lena", "Oskar")) {
            for (String last : List.of("Kaldor", "Whitcombe", "Astley", "Brennan", "Sorell", "Vance", "Hale", "Marchetti")) {
                authors.add(first + " " + last);
            }
        }
        return CategoryProfile.at("Books", "Fiction").share(6).noun("Book", "book", "novel", "books")
                .brands("Harrowgate Press", "Lanternfield Books", "Quillmark", "Otterline Publishing", "Greyhaven House")
                .models(List.of("The Silent", "The Last", "A Winter", "The Glass", "The Hidden", "Salt and", "The Long",
                                "Beneath the", "The Cartographer's", "Midnight"),
                        List.of("Harbour", "Orchard", "Archive", "Lighthouse", "Garden", "Kingdom", "Letters", "River",
                                "Daughter", "Map"))
                .price(14, 0.35)
                .choice("author", 0, authors.toArray(String[]::new))
                .choice("genre", 0, "thriller", "fantasy", "romance", "science fiction", "literary fiction", "historical fiction", "mystery")
                .choice("format", 0.7, "Paperback", "Hardcover")
                .range("pages", "pages", 180, 820, 0, 0.2)
                .choice("language", 0, "English", "German", "French")
                .range("publication_year", null, 2012, 2025, 0, 0.1)
                .title("{model} by {author} ({format})")
                .sentence("{model} is a {genre} novel by {author}, published by {brand}.")
                .sentence("genre=thriller", "A twisting plot keeps the pages turning late into the night.")
                .sentence("genre=fantasy", "Its richly built world invites a long stay.")
                .sentence("At {pages}, it is a strong pick for {use}.")
                .sentence("A fine choice for {use2}.")
                .use("book clubs").use("beach reading").use("long flights").use("gifts")
                .use("slow-burn romance", "genre", "romance").use("epic worlds", "genre", "fantasy")
                .use("whodunit fans", "genre", "mystery", "thriller")
                .modifiers("paperback", "hardcover", "thriller", "fantasy", "bestseller")
                .months(1.0, 0.9, 0.9, 0.9, 0.95, 1.05, 1.15, 1.1, 0.95, 0.95, 1.1, 1.4)
                .quantity(2).refunds(0.03)
                .build();
    }
}
