package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.shopper.Consent;
import io.aisle.core.shopper.ShopperId;
import io.aisle.core.shopper.ShopperUpdate;
import io.aisle.core.shopper.Trait;
import io.aisle.core.shopper.Traits;
import io.aisle.ingest.ErasureIncompleteException;
import io.aisle.ingest.ErasureReceipt;
import io.aisle.ingest.NotAllowedException;
import io.aisle.ingest.ShopperErasure;
import io.aisle.ingest.ShopperService;
import io.aisle.server.http.ApiException;
import io.aisle.server.http.Auth;
import io.aisle.server.http.Bodies;
import io.aisle.server.http.Params;
import io.aisle.server.http.Role;
import io.aisle.server.http.Router;
import io.aisle.server.http.Routes;
import io.javalin.http.Context;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * HTTP face of shoppers: zero-party traits and consent in (the storefront with the public key, the merchant with
 * the admin key), the profile out (admin), and the right to erasure (admin).
 */
public final class ShopperRoutes implements Routes {
    /** A traits update is small; this bounds what one public-key request can make the server parse. */
    static final long MAX_BODY_BYTES = 64 * 1024;

    private final ShopperService service;
    private final ShopperErasure erasure;
    private final ShopperProfiles profiles;
    private final Auth auth;
    private final ObjectMapper mapper;
    private final Bodies bodies;

    public ShopperRoutes(ShopperService service, ShopperErasure erasure, ShopperProfiles profiles, Auth auth,
                         ObjectMapper mapper) {
        this.service = service;
        this.erasure = erasure;
        this.profiles = profiles;
        this.auth = auth;
        this.mapper = mapper;
        this.bodies = new Bodies(mapper);
    }

    @Override public void register(Router router) {
        router.put("/v1/shoppers/{id}/traits", Role.PUBLIC, this::traits);
        router.get("/v1/shoppers/{id}/profile", Role.ADMIN, this::profile);
        router.delete("/v1/shoppers/{id}", Role.ADMIN, this::erase);
    }

    static ShopperId pathId(Context ctx) { return Params.pathId(ctx, ShopperId::of); }

    private void traits(Context ctx) {
        ShopperId id = pathId(ctx);
        JsonNode body = bodies.json(ctx, MAX_BODY_BYTES);
        ShopperService.Writer writer = auth.granted(ctx) == Role.ADMIN ? ShopperService.Writer.MERCHANT
                : ShopperService.Writer.STOREFRONT;
        ShopperService.Updated updated;
        try {
            updated = service.update(id, body, writer);
        } catch (NotAllowedException e) {
            throw new ApiException(403, "forbidden", e.getMessage());
        }
        // Only what the request itself changed comes back: the public key must not read a shopper's stored profile.
        ctx.json(receipt(id, updated.applied()));
    }

    private ObjectNode receipt(ShopperId id, ShopperUpdate applied) {
        ObjectNode n = mapper.createObjectNode();
        n.put("shopper_id", id.value());
        ArrayNode set = n.putArray("traits_set");
        applied.traits().stream().map(Trait::name).map(ShopperRoutes::wireName).sorted().forEach(set::add);
        ArrayNode removed = n.putArray("traits_removed");
        new TreeSet<>(applied.removedTraits().stream().map(ShopperRoutes::wireName).toList()).forEach(removed::add);
        ArrayNode consents = n.putArray("consents");
        applied.consents().stream().map(Consent::purpose).map(p -> p.name().toLowerCase(Locale.ROOT)).distinct().sorted()
                .forEach(consents::add);
        return n;
    }

    /** {@code size.shoes} is stored per kind but sent as {@code sizes.shoes}. */
    private static String wireName(String name) {
        String kind = Traits.sizeKind(name);
        return kind == null ? name : Traits.SIZES + "." + kind;
    }

    private void profile(Context ctx) {
        ShopperId id = pathId(ctx);
        ctx.json(profiles.profile(id).orElseThrow(() -> ApiException.notFound("Nothing is known about shopper '" + id + "'")));
    }

    private void erase(Context ctx) {
        ShopperId id = pathId(ctx);
        ErasureReceipt r;
        try {
            r = erasure.erase(id);
        } catch (ErasureIncompleteException e) {
            throw new ApiException(503, "unavailable", e.getMessage(), List.of(), 1L);
        }
        ObjectNode n = mapper.createObjectNode();
        n.put("shopper_id", r.shopperId().value());
        n.put("events_removed", r.eventsRemoved());
        n.put("linked_ids", r.linkedIds());
        ArrayNode notified = n.putArray("projections_notified");
        r.projectionsNotified().forEach(notified::add);
        n.put("record_removed", r.recordRemoved());
        ctx.json(n);
    }
}
