package io.aisle.assistant;

import io.aisle.core.port.ShopperStore;
import io.aisle.core.shopper.AnonymousId;
import io.aisle.core.shopper.Consent;
import io.aisle.core.shopper.IdentityLink;
import io.aisle.core.shopper.Shopper;
import io.aisle.core.shopper.ShopperId;
import io.aisle.core.shopper.ShopperUpdate;
import io.aisle.core.shopper.Trait;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Shoppers in a map: traits and consents only, enough for the assistant's preference memory. */
final class MemoryShopperStore implements ShopperStore {
    private final Map<ShopperId, Map<String, Trait>> traits = new HashMap<>();
    private final Map<ShopperId, List<Consent>> consents = new HashMap<>();

    @Override public Optional<Shopper> get(ShopperId id) {
        if (!traits.containsKey(id) && !consents.containsKey(id)) return Optional.empty();
        return Optional.of(new Shopper(id, Set.of(), traits.getOrDefault(id, Map.of()), consents.getOrDefault(id, List.of())));
    }

    @Override public void update(ShopperId id, ShopperUpdate update) {
        Map<String, Trait> t = traits.computeIfAbsent(id, k -> new HashMap<>());
        update.traits().forEach(x -> t.put(x.name(), x));
        update.removedTraits().forEach(t::remove);
        consents.computeIfAbsent(id, k -> new ArrayList<>()).addAll(update.consents());
    }

    @Override public boolean link(ShopperId id, AnonymousId anonymousId) { return false; }

    @Override public int linkAll(Collection<IdentityLink> links) { return 0; }

    @Override public Set<AnonymousId> linkedIds(ShopperId id) { return Set.of(); }

    @Override public Set<ShopperId> linkedShoppers(AnonymousId anonymousId) { return Set.of(); }

    @Override public boolean erase(ShopperId id) { return traits.remove(id) != null | consents.remove(id) != null; }

    @Override public long count() { return traits.size(); }

    @Override public void close() {}
}
