package io.aisle.ingest;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A map-backed {@link ShopperStore} with the port's semantics, for service tests. */
final class InMemoryShopperStore implements ShopperStore {
    private final Map<ShopperId, Shopper> shoppers = new HashMap<>();

    @Override public synchronized Optional<Shopper> get(ShopperId id) { return Optional.ofNullable(shoppers.get(id)); }

    @Override public synchronized void update(ShopperId id, ShopperUpdate u) {
        if (u.isEmpty()) return;
        Shopper s = shoppers.getOrDefault(id, new Shopper(id, null, null, null));
        Map<String, Trait> traits = new HashMap<>(s.traits());
        u.removedTraits().forEach(traits::remove);
        u.traits().forEach(t -> traits.put(t.name(), t));
        List<Consent> consents = new ArrayList<>(s.consents());
        for (Consent c : u.consents()) {
            Shopper now = new Shopper(id, null, null, consents);
            if (now.latest(c.purpose()).map(l -> l.granted() != c.granted()).orElse(true)) consents.add(c);
        }
        shoppers.put(id, new Shopper(id, s.anonymousIds(), traits, consents));
    }

    @Override public synchronized boolean link(ShopperId id, AnonymousId anonymousId) {
        return linkAll(List.of(new IdentityLink(id, anonymousId))) == 1;
    }

    @Override public synchronized int linkAll(Collection<IdentityLink> links) {
        int added = 0;
        for (IdentityLink l : links) {
            Shopper s = shoppers.getOrDefault(l.shopperId(), new Shopper(l.shopperId(), null, null, null));
            Set<AnonymousId> ids = new HashSet<>(s.anonymousIds());
            if (ids.add(l.anonymousId())) added++;
            shoppers.put(l.shopperId(), new Shopper(s.id(), ids, s.traits(), s.consents()));
        }
        return added;
    }

    @Override public synchronized Set<AnonymousId> linkedIds(ShopperId id) {
        return get(id).map(Shopper::anonymousIds).orElse(Set.of());
    }

    @Override public synchronized Set<ShopperId> linkedShoppers(AnonymousId anonymousId) {
        Set<ShopperId> out = new HashSet<>();
        shoppers.values().forEach(s -> { if (s.anonymousIds().contains(anonymousId)) out.add(s.id()); });
        return out;
    }

    @Override public synchronized boolean erase(ShopperId id) { return shoppers.remove(id) != null; }

    @Override public synchronized long count() { return shoppers.size(); }

    @Override public void close() {}
}
