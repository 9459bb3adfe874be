package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.aisle.core.shopper.ShopperId;

import java.util.Optional;
import java.util.Set;

/**
 * One part of a shopper's profile that a capability contributes (features, segments, affinities, explanations),
 * shown under its {@link #name()} in {@code GET /v1/shoppers/{id}/profile} and on the console's shopper page.
 * Register it in the list given to {@link ShopperProfiles}.
 */
public interface ProfileSection {
    /** The key the section appears under, lower snake case (e.g. {@code features}); unique among sections. */
    String name();

    /**
     * What the capability knows about the shopper, or empty when it knows nothing (a shopper every section and the
     * store know nothing about is a 404).
     *
     * @param actorKeys the keys derived state is stored under: {@code s:<id>} and {@code a:<each linked anonymous id>}
     */
    Optional<JsonNode> section(ShopperId id, Set<String> actorKeys);
}
