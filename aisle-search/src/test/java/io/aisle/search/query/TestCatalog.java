package io.aisle.search.query;

import io.aisle.core.catalog.AttributeValue;
import io.aisle.core.catalog.AttributeValue.Flag;
import io.aisle.core.catalog.AttributeValue.Number;
import io.aisle.core.catalog.AttributeValue.Text;
import io.aisle.core.catalog.AttributeValue.Texts;
import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small hand-made catalogue: laptops, headphones, phones, TVs, running shoes and kitchen goods. */
final class TestCatalog {
    private TestCatalog() {}

    static final List<String> LAPTOPS = List.of("Electronics", "Computers", "Laptops");
    static final List<String> HEADPHONES = List.of("Electronics", "Audio", "Headphones");
    static final List<String> PHONES = List.of("Electronics", "Phones", "Smartphones");
    static final List<String> TVS = List.of("Electronics", "TV & Video", "Televisions");
    static final List<String> RUNNING = List.of("Shoes", "Running Shoes");
    static final List<String> COOKWARE = List.of("Home", "Kitchen", "Cookware");
    static final List<String> KETTLES = List.of("Home", "Kitchen", "Kettles");

    static List<Product> products() {
        return List.of(
                laptop("l1", "Apple", "Apple MacBook Air 13 Laptop, 8GB RAM, 256GB SSD, Silver", "999", 8, 256, 13.3, "Silver", 1.2, "students", "programming"),
                laptop("l2", "Apple", "Apple MacBook Pro 16 Laptop, 32GB RAM, 1TB SSD, Space Grey", "2499", 32, 1024, 16, "Space Grey", 2.1, "video editing", "photo editing"),
                laptop("l3", "Dell", "Dell XPS 15 Laptop, 16GB RAM, 512GB SSD, Black", "1799", 16, 512, 15.6, "Black", 1.9, "video editing", "programming"),
                laptop("l4", "Dell", "Dell Inspiron 14 Laptop, 8GB RAM, 256GB SSD, Silver", "649", 8, 256, 14, "Silver", 1.5, "students", "home office"),
                laptop("l5", "HP", "HP Spectre x360 Convertible Laptop, 16GB RAM, 512GB SSD, Blue", "1399", 16, 512, 13.5, "Blue", 1.4, "business travel"),
                laptop("l6", "HP", "HP Victus Gaming Laptop, 16GB RAM, 512GB SSD, Black", "999", 16, 512, 15.6, "Black", 2.3, "gaming"),
                laptop("l7", "Samsung", "Samsung Galaxy Book3 Laptop, 16GB RAM, 512GB SSD, Silver", "1099", 16, 512, 15.6, "Silver", 1.6, "business travel"),
                laptop("l8", "Lenovo", "Lenovo ThinkPad T14 Business Laptop, 16GB RAM, 1TB SSD, Black", "1299", 16, 1024, 14, "Black", 1.3, "business travel", "programming"),
                headphones("h1", "Sony", "Sony WH-1000XM5 Wireless Noise Cancelling Headphones, Black", "399", true, true, "Over-Ear", "Black", "long flights", "commuting"),
                headphones("h2", "Sony", "Sony MDR-7506 Studio Headphones", "99", false, false, "Over-Ear", "Black", "studio monitoring"),
                headphones("h3", "Apple", "Apple AirPods Pro Earbuds", "249", true, true, "In-Ear", "White", "running", "commuting"),
                headphones("h4", "Samsung", "Samsung Galaxy Buds2 Earbuds, Red", "149", true, true, "In-Ear", "Red", "gym workouts"),
                headphones("h5", "HP", "HP USB Stereo Headset", "29", false, false, "On-Ear", "Black", "video calls"),
                headphones("h6", "Sony", "Sony WF-C500 Sport Earbuds, Red", "99", true, false, "In-Ear", "Red", "running", "gym workouts"),
                headphones("h7", "Dell", "Dell Pro Stereo Headset WH3022", "49", false, false, "On-Ear", "Black", "video calls"),
                phone("p1", "Apple", "Apple iPhone 15 Smartphone 128GB, Black", "799", 128, 6.1, "Black", 48, 3349),
                phone("p2", "Samsung", "Samsung Galaxy S24 Smartphone 256GB, Red", "899", 256, 6.2, "Red", 50, 4000),
                phone("p3", "Sony", "Sony Xperia 10 V Smartphone 128GB, Blue", "449", 128, 6.1, "Blue", 48, 5000),
                phone("p4", "Samsung", "Samsung Galaxy A15 Phone 128GB, Blue", "199", 128, 6.5, "Blue", 50, 5000),
                tv("t1", "Samsung", "Samsung 55\" QLED 4K Smart TV", "799", 55, "4K"),
                tv("t2", "Samsung", "Samsung 43\" Crystal Full HD TV", "349", 43, "1080p"),
                tv("t3", "Sony", "Sony Bravia 65\" 4K OLED TV", "1999", 65, "4K"),
                tv("t4", "Samsung", "Samsung 65\" Neo QLED 8K TV", "2999", 65, "8K"),
                shoe("s1", "Brooks", "Brooks Ghost 15 Men's Running Shoe", "139", "Black", "Max", "plantar fasciitis", "heel pain"),
                shoe("s2", "Asics", "Asics Gel-Nimbus 25 Running Shoe", "159", "Blue", "Max", "marathon training", "heel pain"),
                shoe("s3", "Hoka", "Hoka Clifton 9 Running Shoe", "145", "Red", "Max", "plantar fasciitis", "arch support"),
                shoe("s4", "New Balance", "New Balance Fresh Foam 1080 Running Shoe", "164", "Grey", "Moderate", "long runs"),
                shoe("s5", "Asics", "Asics Gel-Venture Trail Running Shoe", "79", "Black", "Firm", "trail running"),
                kitchen("k1", "Tefal", "Tefal Non-Stick Frying Pan 28cm", "39", COOKWARE, "non-stick", 1.1, null),
                kitchen("k2", "Le Creuset", "Le Creuset Cast Iron Casserole", "299", COOKWARE, "enamel", 4.6, null),
                kitchen("k3", "Russell Hobbs", "Russell Hobbs Electric Kettle 1.7 L", "45", KETTLES, "stainless steel", 1.2, 3000.0),
                kitchen("k4", "Tefal", "Tefal Travel Kettle 0.5 L", "29", KETTLES, "plastic", 0.6, 650.0));
    }

    static Product laptop(String id, String brand, String title, String price, int memory, int storage, double screen,
                          String colour, double weight, String... goodFor) {
        Map<String, AttributeValue> a = new LinkedHashMap<>();
        a.put("memory", new Number(memory, "GB"));
        a.put("storage", new Number(storage, "GB"));
        a.put("screen_size", new Number(screen, "in"));
        a.put("weight", new Number(weight, "kg"));
        a.put("colour", new Text(colour));
        a.put("good_for", new Texts(List.of(goodFor)));
        return product(id, brand, title, LAPTOPS, price, a);
    }

    static Product headphones(String id, String brand, String title, String price, boolean bluetooth, boolean noiseCancelling,
                              String type, String colour, String... goodFor) {
        Map<String, AttributeValue> a = new LinkedHashMap<>();
        a.put("bluetooth", new Flag(bluetooth));
        a.put("noise_cancelling", new Flag(noiseCancelling));
        a.put("type", new Text(type));
        a.put("colour", new Text(colour));
        a.put("good_for", new Texts(List.of(goodFor)));
        return product(id, brand, title, HEADPHONES, price, a);
    }

    static Product phone(String id, String brand, String title, String price, int storage, double screen, String colour,
                         int camera, int battery) {
        Map<String, AttributeValue> a = new LinkedHashMap<>();
        a.put("storage", new Number(storage, "GB"));
        a.put("screen_size", new Number(screen, "in"));
        a.put("main_camera", new Number(camera, "MP"));
        a.put("battery_capacity", new Number(battery, "mAh"));
        a.put("colour", new Text(colour));
        a.put("5g", new Flag(true));
        return product(id, brand, title, PHONES, price, a);
    }

    static Product tv(String id, String brand, String title, String price, int screen, String resolution) {
        Map<String, AttributeValue> a = new LinkedHashMap<>();
        a.put("screen_size", new Number(screen, "inches"));
        a.put("resolution", new Text(resolution));
        return product(id, brand, title, TVS, price, a);
    }

    static Product shoe(String id, String brand, String title, String price, String colour, String cushioning,
                        String... goodFor) {
        Map<String, AttributeValue> a = new LinkedHashMap<>();
        a.put("colour", new Text(colour));
        a.put("cushioning", new Text(cushioning));
        a.put("good_for", new Texts(List.of(goodFor)));
        return product(id, brand, title, RUNNING, price, a);
    }

    static Product kitchen(String id, String brand, String title, String price, List<String> path, String material,
                           double weight, Double power) {
        Map<String, AttributeValue> a = new LinkedHashMap<>();
        a.put("material", new Text(material));
        a.put("weight", new Number(weight, "kg"));
        if (power != null) a.put("power", new Number(power, "W"));
        return product(id, brand, title, path, price, a);
    }

    static Product product(String id, String brand, String title, List<String> path, String price,
                           Map<String, AttributeValue> attributes) {
        return new Product(ProductId.of(id), null, title, "", brand, path, attributes, Money.of(price, "USD"),
                Map.of("web", 3), List.of(), null);
    }

    /** A parser that has learned the whole catalogue. */
    static CatalogQueryUnderstanding loaded(io.aisle.core.port.Embedder embedder) {
        CatalogQueryUnderstanding qu = new CatalogQueryUnderstanding(embedder);
        products().forEach(qu::accept);
        return qu;
    }
}
