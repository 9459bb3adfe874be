package io.aisle.simulator;

import java.util.List;

/** Electronics and office categories of the default taxonomy. Brand and model names are invented. */
final class TechCategories {
    private TechCategories() {}

    static List<CategoryProfile> all() { return List.of(laptops(), headphones(), smartphones(), cameras(), officeChairs()); }

    static CategoryProfile laptops() {
        return CategoryProfile.at("Electronics", "Computers", "Laptops").share(5).noun("Laptop", "laptop", "notebook", "laptops")
                .brands("Norvik", "Altrea", "Kestrel Labs", "Vexon", "Lumetra", "Orbion", "Tessaly", "Quantro")
                .models(List.of("AeroBook", "Slate", "Vectra", "Nimbus", "Forge", "Cirrus", "Lumen"),
                        List.of("13", "14", "15", "X1", "X5", "Pro", "Air", "S"))
                .price(899, 0.35)
                .choice("cpu", 0.6, "Helix 3", "Tarsus R5", "Helix 5", "Tarsus R7", "Helix 7", "Helix 9")
                .numbers("ram", "GB", 0.7, 8, 16, 32, 64)
                .numbers("storage", "GB", 0.5, 256, 512, 1024, 2048)
                .numbers("screen_size", "in", 0.2, 13.3, 14, 15.6, 16, 17.3)
                .choice("gpu", 0.6, "integrated graphics", "Corvid RT 3050", "Corvid RT 4060", "Corvid RT 4070")
                .range("weight", "kg", 1.0, 2.8, 1, -0.3)
                .range("battery_life", "h", 6, 22, 0, 0.2)
                .common("colour", "Silver", "Space Grey", "Black", "Blue")
                .flag("backlit_keyboard", 0.7, 0.05)
                .title("{brand} {model} {screen_size|\"} Laptop, {ram} RAM, {storage} SSD, {colour}")
                .sentence("The {brand} {model} pairs a {cpu} processor with {ram} of memory and a {storage} SSD.")
                .sentence("Its {screen_size|-inch} display and {gpu} make it a dependable machine for {use}.")
                .sentence("At {weight} with up to {battery_life} of battery life, it slips into a bag and lasts a working day.")
                .sentence("backlit_keyboard", "A backlit keyboard keeps late-night sessions comfortable.")
                .sentence("Owners who bought it for {use2} mention the quiet fans and the quick wake from sleep.")
                .use("video editing", "gpu", "Corvid RT 4060", "Corvid RT 4070")
                .use("gaming", "gpu", "Corvid RT 4060", "Corvid RT 4070")
                .use("students").use("programming").use("business travel").use("home office")
                .use("photo editing", "ram", "32 GB", "64 GB")
                .modifiers("16gb ram", "32gb ram", "1tb ssd", "lightweight", "long battery", "15 inch", "14 inch")
                .months(0.9, 0.8, 0.85, 0.85, 0.85, 0.8, 0.9, 1.2, 1.1, 0.95, 1.4, 1.4)
                .refunds(0.06)
                .build();
    }

    static CategoryProfile headphones() {
        return CategoryProfile.at("Electronics", "Audio", "Headphones").share(5).noun("Headphones", "headphones", "earbuds", "headset")
                .brands("Sonorra", "Bassline Audio", "Quietus", "Aurelle", "Halden", "Veyra", "Pulsewave")
                .models(List.of("Drift", "Echo", "Halo", "Tempo", "Aria", "Nova"), List.of("", "2", "3", "Pro", "Max", "Lite", "ANC"))
                .price(129, 0.5)
                .choice("type", 0.3, "In-Ear", "On-Ear", "Over-Ear")
                .flag("wireless", 0.8, 0.3)
                .flag("noise_cancelling", 0.55, 0.5)
                .range("battery_life", "h", 5, 60, 0, 0.2)
                .numbers("driver_size", "mm", 0.1, 6, 10, 12, 40, 50)
                .choice("water_resistance", 0.1, "none", "IPX4", "IPX5")
                .flag("microphone", 0.7, 0.05)
                .variants(0.3, "colour", "Black", "White", "Midnight Blue", "Sand", "Sage Green", "Rose")
                .title("{brand} {model} {type} Headphones")
                .sentence("The {brand} {model} are {type} headphones with {driver_size} drivers tuned for a warm, detailed sound.")
                .sentence("noise_cancelling", "Active noise cancelling turns down engines and office chatter, a blessing for {use}.")
                .sentence("wireless", "Wireless playback lasts up to {battery_life} on a charge.")
                .sentence("water_resistance=IPX5", "An IPX5 rating shrugs off sweat and rain.")
                .sentence("microphone", "A built-in microphone handles calls and meetings.")
                .sentence("Listeners pick them for {use2} as much as for everyday music.")
                .use("commuting", "noise_cancelling", "yes").use("long flights", "noise_cancelling", "yes")
                .use("running", "type", "In-Ear").use("gym workouts", "type", "In-Ear")
                .use("working from home").use("studying").use("gaming")
                .use("audiophile listening", "type", "Over-Ear")
                .modifiers("noise cancelling", "wireless", "over ear", "bluetooth", "with mic")
                .months(0.9, 0.85, 0.9, 0.9, 0.9, 0.9, 0.95, 1.0, 1.0, 1.0, 1.35, 1.6)
                .build();
    }

    static CategoryProfile smartphones() {
        return CategoryProfile.at("Electronics", "Phones", "Smartphones").share(4).noun("Smartphone", "smartphone", "phone", "mobile phone")
                .brands("Zentri", "Orbion", "Kalyx", "Novaro", "Pixa", "Teloria")
                .models(List.of("Volt", "Aero", "Core", "Prism", "Lyra", "Vela"), List.of("5", "6", "7", "8 Pro", "Neo", "Plus", "Ultra", "Mini"))
                .price(549, 0.5)
                .numbers("storage", "GB", 0.6, 128, 256, 512, 1024)
                .range("screen_size", "in", 5.8, 6.9, 1, 0.2)
                .numbers("main_camera", "MP", 0.4, 48, 50, 64, 108, 200)
                .range("battery_capacity", "mAh", 3800, 5500, 0, 0.1)
                .flag("5g", 0.85, 0.2)
                .flag("dual_sim", 0.6, 0)
                .variants(0.35, "colour", "Graphite", "Glacier White", "Ocean Blue", "Lavender", "Forest Green")
                .title("{brand} {model} Smartphone, {storage}, {screen_size|\"}")
                .sentence("The {brand} {model} has a {screen_size|-inch} display, {storage} of storage and a {main_camera} main camera.")
                .sentence("A {battery_capacity} battery gets heavy users through the day, handy for {use}.")
                .sentence("5g", "5G support keeps downloads quick on the move.")
                .sentence("dual_sim", "Dual SIM slots keep work and personal numbers on one phone.")
                .sentence("Reviewers call it a good pick for {use2}.")
                .use("mobile photography", "main_camera", "108 MP", "200 MP")
                .use("mobile gaming").use("travel").use("business").use("social media").use("a first phone")
                .modifiers("5g", "256gb", "dual sim", "big battery", "camera phone")
                .months(1.0, 0.85, 0.9, 0.9, 0.9, 0.85, 0.9, 0.95, 1.15, 1.0, 1.25, 1.4)
                .build();
    }

    static CategoryProfile cameras() {
        return CategoryProfile.at("Electronics", "Cameras", "Mirrorless Cameras").share(2).noun("Camera", "camera", "mirrorless camera")
                .brands("Lumira", "Optex", "Halvard", "Kiyomi", "Fernstrom")
                .models(List.of("Vista", "Kairo", "Strato", "Lux", "Focal"), List.of("M2", "M5", "X", "R", "II", "IV", "S"))
                .price(1199, 0.5)
                .choice("sensor", 0.8, "Micro Four Thirds", "APS-C", "Full Frame")
                .numbers("resolution", "MP", 0.4, 20, 24, 26, 33, 45, 61)
                .choice("video", 0.4, "4K 30p", "4K 60p", "6K", "8K")
                .range("weight", "g", 350, 900, 0, 0.1)
                .flag("weather_sealed", 0.5, 0.2)
                .flag("in_body_stabilisation", 0.65, 0.2)
                .common("colour", "Black", "Silver")
                .title("{brand} {model} Mirrorless Camera, {resolution} {sensor}, {video} Video")
                .sentence("The {brand} {model} is a {sensor} mirrorless camera with a {resolution} sensor and {video} video.")
                .sentence("in_body_stabilisation", "In-body stabilisation steadies handheld shots and footage.")
                .sentence("weather_sealed", "A weather-sealed body keeps shooting through drizzle and dust.")
                .sentence("At {weight} it is easy to carry for {use}.")
                .sentence("Photographers also choose it for {use2}.")
                .use("travel photography").use("vlogging", "video", "4K 60p", "6K", "8K")
                .use("wildlife photography", "resolution", "45 MP", "61 MP").use("portraits").use("street photography")
                .use("beginners", "sensor", "Micro Four Thirds", "APS-C")
                .modifiers("full frame", "4k", "vlogging camera", "weather sealed", "mirrorless")
                .months(0.8, 0.8, 0.9, 1.0, 1.1, 1.1, 1.1, 1.0, 0.9, 0.9, 1.3, 1.3)
                .build();
    }

    static CategoryProfile officeChairs() {
        return CategoryProfile.at("Office", "Furniture", "Office Chairs").share(2).noun("Office Chair", "office chair", "desk chair", "chair")
                .brands("Ergonord", "Sitwell", "Posturo", "Kinvara", "Deskhaven")
                .models(List.of("Flex", "Pivot", "Atlas", "Contour", "Strive"), List.of("", "2", "Pro", "Plus", "Mesh", "Elite"))
                .price(249, 0.5)
                .choice("type", 0.5, "Task", "Gaming", "Ergonomic", "Executive")
                .choice("lumbar_support", 0.3, "fixed", "adjustable", "dynamic")
                .choice("material", 0.3, "fabric", "mesh", "faux leather", "leather")
                .choice("armrests", 0.3, "fixed", "2D", "3D", "4D")
                .numbers("max_load", "kg", 0.2, 110, 120, 136, 150)
                .flag("headrest", 0.5, 0.15)
                .common("colour", "Black", "Grey", "White", "Blue")
                .title("{brand} {model} {type} Office Chair, {colour}")
                .sentence("The {brand} {model} is a {type_lc} chair with {lumbar_support} lumbar support and {armrests} armrests.")
                .sentence("Its {material} upholstery and {max_load} load rating suit {use}.")
                .sentence("headrest", "An adjustable headrest supports the neck during long calls.")
                .sentence("Buyers recommend it for {use2}.")
                .use("lower back pain", "lumbar_support", "adjustable", "dynamic").use("long work days").use("home office")
                .use("gaming", "type", "Gaming").use("small spaces").use("tall people", "max_load", "136 kg", "150 kg")
                .modifiers("ergonomic", "mesh", "lumbar support", "with headrest", "gaming")
                .months(1.3, 1.1, 1.0, 0.9, 0.9, 0.85, 0.85, 1.0, 1.1, 1.0, 1.1, 0.9)
                .build();
    }
}
