package io.aisle.server.http;

/** Who may call a route: anyone, holders of the public (browser) key, or holders of the admin key. */
public enum Role implements io.javalin.security.RouteRole {
    /** No key needed: health, metrics, the OpenAPI document, the tracker script, the storefront. */
    OPEN,
    /** The public key (safe to ship to browsers) or the admin key: events in, catalogue and model reads out. */
    PUBLIC,
    /** Only the admin key: catalogue writes, log reads, admin pages. */
    ADMIN
}
