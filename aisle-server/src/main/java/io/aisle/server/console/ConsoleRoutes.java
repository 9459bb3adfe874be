package io.aisle.server.console;

import io.aisle.core.json.EventJson;
import io.aisle.core.json.ProductJson;
import io.aisle.core.port.CatalogStore;
import io.aisle.core.port.ProductSearch;
import io.aisle.core.port.EventLog;
import io.aisle.server.http.ApiKeys;
import io.aisle.server.http.Role;
import io.aisle.server.http.Router;
import io.aisle.server.http.Routes;

import java.time.Clock;

/**
 * The server's HTML face: the admin console (login, home, catalogue, live events), the demo storefront that feeds
 * the tracker, placeholder product images, and their static assets. Templates are jte, interaction is htmx.
 */
public final class ConsoleRoutes implements Routes {
    private final ConsolePages console;
    private final Storefront storefront;
    private final DemoImages images;
    private final Assets assets;

    public ConsoleRoutes(CatalogStore catalog, EventLog events, EventJson eventJson, ProductJson productJson, ApiKeys keys,
                         ProductSearch search) {
        this(catalog, events, eventJson, productJson, keys, search, Clock.systemUTC());
    }

    public ConsoleRoutes(CatalogStore catalog, EventLog events, EventJson eventJson, ProductJson productJson, ApiKeys keys,
                         ProductSearch search, Clock clock) {
        Templates templates = new Templates();
        this.console = new ConsolePages(catalog, events, eventJson, productJson, keys, templates, clock);
        this.storefront = new Storefront(catalog, search, templates, keys.publicKey());
        this.images = new DemoImages(catalog);
        this.assets = new Assets();
    }

    @Override public void register(Router router) {
        console.register(router);
        storefront.register(router);
        images.register(router);
        router.get("/console/assets/{name}", Role.OPEN, assets::serve);
    }
}
