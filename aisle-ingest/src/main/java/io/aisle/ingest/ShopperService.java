package io.aisle.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aisle.core.json.Decoded;
import io.aisle.core.json.ShopperJson;
import io.aisle.core.port.ShopperStore;
import io.aisle.core.shopper.Shopper;
import io.aisle.core.shopper.ShopperId;
import io.aisle.core.shopper.ShopperUpdate;
import io.aisle.core.shopper.Trait;
import io.aisle.core.validation.ValidationException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Records what shoppers state about themselves (zero-party traits, consent decisions) and what merchants import
 * about them, after validating every field; the storefront may not overwrite what the merchant imported.
 */
public final class ShopperService {
    /** Who writes: the storefront on the shopper's behalf (public key), or the merchant (admin key). */
    public enum Writer { STOREFRONT, MERCHANT }

    /** The change as applied (brand lists may include a brand moved out of the other list) and the shopper after it. */
    public record Updated(ShopperUpdate applied, Shopper shopper) {}

    private final ShopperStore store;
    private final ShopperJson codec;
    private final Clock clock;

    public ShopperService(ShopperStore store, ShopperJson codec, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Optional<Shopper> get(ShopperId id) { return store.get(id); }

    /**
     * Applies {@code {"traits": {...}, "consents": {...}, "source": "stated"}} in one transaction; returns what was
     * applied and the shopper as stored.
     *
     * @throws ValidationException naming every bad field (nothing is stored then)
     * @throws NotAllowedException when a storefront sends imported traits or changes a trait the merchant imported
     */
    public Updated update(ShopperId id, JsonNode body, Writer writer) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(writer, "writer");
        Shopper current = store.get(id).orElseGet(() -> new Shopper(id, null, null, null));
        // Stored times are microseconds; truncating here makes the returned record equal what a later read sees.
        Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Decoded<ShopperJson.Request> d = codec.decodeUpdate(body, current, at);
        if (!d.isValid()) throw new ValidationException(d.errors());
        ShopperJson.Request request = d.value();
        if (writer == Writer.STOREFRONT) checkStorefront(request, current.traits());
        store.update(id, request.update());
        return new Updated(request.update(), store.get(id).orElseGet(() -> new Shopper(id, null, null, null)));
    }

    private static void checkStorefront(ShopperJson.Request request, Map<String, Trait> stored) {
        if (request.source() != Trait.Source.STATED) {
            throw new NotAllowedException("Only the admin key may send imported traits; the public key sends what the shopper stated");
        }
        TreeSet<String> imported = new TreeSet<>();
        Stream.concat(request.update().traits().stream().map(Trait::name), request.update().removedTraits().stream())
                .filter(name -> stored.containsKey(name) && stored.get(name).source() == Trait.Source.IMPORTED)
                .forEach(imported::add);
        if (!imported.isEmpty()) {
            throw new NotAllowedException("The merchant imported " + List.copyOf(imported)
                    + "; only the admin key may change or remove imported traits");
        }
    }
}
