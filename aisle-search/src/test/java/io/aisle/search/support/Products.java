package io.aisle.search.support;

import io.aisle.core.catalog.AttributeValue;
import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small hand-made catalogue whose products differ in the ways the search tests need. */
public final class Products {
    private Products() {}

    public static Product product(String id, String title, String brand, String category, String price, int stock,
                                  String description, Map<String, AttributeValue> attributes) {
        return new Product(ProductId.of(id), null, title, description, brand, List.of(category.split(" > ")), attributes,
                Money.of(price, "EUR"), Map.of("web", stock), List.of(), null);
    }

    public static Map<String, AttributeValue> attrs(Object... pairs) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            m.put((String) pairs[i], switch (v) {
                case AttributeValue a -> a;
                case Boolean b -> new AttributeValue.Flag(b);
                default -> new AttributeValue.Text(v.toString());
            });
        }
        return m;
    }

    public static AttributeValue.Number number(double value, String unit) { return new AttributeValue.Number(value, unit); }

    /** Seventeen products: electronics, office and home, with brands, prices, stock and attributes to filter on. */
    public static List<Product> catalogue() {
        return List.of(
                product("tv-55", "Samsung 55 inch 4K Smart Television", "Samsung", "Electronics > TV & Video > Televisions", "499.00", 5,
                        "Crisp 4K picture with HDR and built-in streaming apps.",
                        attrs("screen_size", number(55, "in"), "resolution", "4K", "colour", "Black")),
                product("toner-2110", "Brother TN-2110 Toner Cartridge, Black", "Brother", "Office > Printer Supplies > Toner", "39.99", 40,
                        "Genuine toner for HL-2140 and DCP-7030 printers, about 1,500 pages.", attrs("colour", "Black")),
                product("earbuds", "Sonorra Drift Wireless Earbuds", "Sonorra", "Electronics > Audio > Headphones", "79.00", 12,
                        "True wireless in-ear buds with a charging case and 24-hour battery. Sweat resistant for the gym.",
                        attrs("type", "In-Ear", "wireless", true, "battery_life", number(24, "h"), "colour", "White")),
                product("headphones", "Quietus Halo Over-Ear Noise Cancelling Headphones", "Quietus", "Electronics > Audio > Headphones", "249.00", 3,
                        "Active noise cancelling over-ear headphones for flights and open offices.",
                        attrs("type", "Over-Ear", "wireless", true, "noise_cancelling", true, "colour", "Black")),
                product("laptop-14", "Norvik AeroBook 14 Laptop, 16 GB RAM, 512 GB SSD", "Norvik", "Electronics > Computers > Laptops", "899.00", 7,
                        "A light 14-inch notebook with a backlit keyboard for work and study.",
                        attrs("ram", number(16, "GB"), "storage", number(512, "GB"), "colour", "Silver", "backlit_keyboard", true)),
                product("laptop-15", "Vexon Slate 15 Notebook, 8 GB RAM", "Vexon", "Electronics > Computers > Laptops", "549.00", 9,
                        "An affordable 15-inch notebook for everyday browsing.",
                        attrs("ram", number(8, "GB"), "storage", number(256, "GB"), "colour", "Black")),
                product("laptop-17", "Norvik Forge 17 Gaming Laptop, 32 GB RAM", "Norvik", "Electronics > Computers > Laptops", "1799.00", 0,
                        "A 17-inch gaming laptop with a dedicated graphics card.",
                        attrs("ram", number(32, "GB"), "storage", number(1, "TB"), "colour", "Black")),
                product("phone", "Zentri Volt 7 Smartphone 128 GB", "Zentri", "Electronics > Phones > Smartphones", "399.00", 20,
                        "A 6.5-inch smartphone with a 50 MP camera and all-day battery.",
                        attrs("storage", number(128, "GB"), "colour", "Blue")),
                product("phone-case", "Leather Case for Zentri Volt 7", "Casely", "Electronics > Phones > Phone Cases", "19.00", 50,
                        "Slim leather case with a card slot.", attrs("colour", "Brown")),
                product("tote", "Canvas Tote Bag", "Loomwell", "Fashion > Bags > Totes", "25.00", 30,
                        "A sturdy everyday bag in natural canvas.", attrs("colour", "Beige")),
                product("backpack", "Urban Commuter Backpack", "Loomwell", "Fashion > Bags > Backpacks", "69.00", 15,
                        "Roomier than a tote, with a padded sleeve and water-resistant fabric.", attrs("colour", "Grey")),
                product("espresso", "Brewhaus Barista Espresso Machine", "Brewhaus", "Home > Kitchen > Coffee Makers", "299.00", 4,
                        "Pulls rich espresso shots; the milk frother makes cappuccinos.", attrs("milk_frother", true, "colour", "Red")),
                product("speaker", "Pulsewave Boom Portable Bluetooth Speaker", "Pulsewave", "Electronics > Audio > Speakers", "59.00", 25,
                        "Waterproof speaker with 12 hours of playback.", attrs("bluetooth", true, "waterproof", true, "colour", "Red")),
                product("sofa", "Hallberg Haven 3-Seater Sofa, Velvet", "Hallberg", "Home > Furniture > Sofas", "899.00", 2,
                        "A deep velvet sofa for movie nights.", attrs("seats", number(3, null), "colour", "Navy")),
                product("cable", "USB-C Charging Cable 2m", "Cablio", "Electronics > Accessories > Cables", "9.99", 100,
                        "Braided cable for fast charging.", attrs("length", number(2, "m"), "colour", "Black")),
                product("flash", "Kingstone 64GB USB Flash Drive", "Kingstone", "Electronics > Storage > USB Drives", "14.99", 60,
                        "Pocket-sized storage for documents and photos.", attrs("storage", number(64, "GB"), "colour", "Black")),
                product("ssd", "Crucio 1TB Solid State Drive", "Crucio", "Electronics > Storage > Internal Drives", "89.00", 8,
                        "Fast SATA storage for laptops and desktops.", attrs("storage", number(1, "TB"))));
    }
}
