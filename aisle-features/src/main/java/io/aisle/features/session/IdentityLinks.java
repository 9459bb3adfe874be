package io.aisle.features.session;

import io.aisle.core.event.Actor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Identity stitching: which shopper each anonymous device belongs to, learnt from events that carry both ids. A
 * device belongs to the shopper who last logged in on it. Each projection keeps its own instance, fed from its own
 * events, so replay rebuilds the links exactly. Memory: one map entry each way per linked device, about 150 bytes.
 */
public final class IdentityLinks {
    private static final String ANONYMOUS = "a:";

    private final Map<String, String> shopperOf = new HashMap<>();
    private final Map<String, List<String>> devicesOf = new HashMap<>();

    /** Records the link {@code actor} carries, if it has both ids. */
    public LinkChange observe(Actor actor) {
        if (actor.shopperId() == null || actor.anonymousId() == null) return LinkChange.UNCHANGED;
        String device = ANONYMOUS + actor.anonymousId().value();
        String shopper = actor.key();
        String before = shopperOf.get(device);
        if (shopper.equals(before)) return LinkChange.UNCHANGED;
        shopperOf.put(device, shopper);
        devicesOf.computeIfAbsent(shopper, k -> new ArrayList<>(2)).add(device);
        if (before == null) return new LinkChange.Linked(device, shopper);
        unlist(before, device);
        return new LinkChange.Relinked(device, before, shopper);
    }

    /** The key an actor's activity is filed under: the shopper's when known or when the device is linked. */
    public String canonical(Actor actor) {
        if (actor.shopperId() != null) return actor.key();
        return canonical(actor.key());
    }

    /** {@link #canonical(Actor)} for an {@link Actor#key()} value; returns the same instance when it is canonical. */
    public String canonical(String actorKey) {
        if (!actorKey.startsWith(ANONYMOUS)) return actorKey;
        return shopperOf.getOrDefault(actorKey, actorKey);
    }

    /** The shopper a device key is linked to. */
    public Optional<String> shopperOf(String anonymousKey) { return Optional.ofNullable(shopperOf.get(anonymousKey)); }

    /** The device keys linked to a shopper key, first linked first. */
    public List<String> devicesOf(String shopperKey) { return List.copyOf(devicesOf.getOrDefault(shopperKey, List.of())); }

    /**
     * The keys plus every device linked to a shopper among them: erasing a shopper erases the device history
     * stitched to them; erasing a device leaves its shopper.
     */
    public Set<String> withDevices(Collection<String> keys) {
        Set<String> out = new LinkedHashSet<>(keys);
        for (String k : keys) out.addAll(devicesOf.getOrDefault(k, List.of()));
        return out;
    }

    /** Drops every link that names one of the keys, on either side. */
    public void forget(Collection<String> keys) {
        for (String k : keys) {
            String shopper = shopperOf.remove(k);
            if (shopper != null) unlist(shopper, k);
            List<String> devices = devicesOf.remove(k);
            if (devices != null) devices.forEach(shopperOf::remove);
        }
    }

    public void clear() {
        shopperOf.clear();
        devicesOf.clear();
    }

    /** Number of linked devices. */
    public int size() { return shopperOf.size(); }

    private void unlist(String shopper, String device) {
        List<String> devices = devicesOf.get(shopper);
        if (devices == null) return;
        devices.remove(device);
        if (devices.isEmpty()) devicesOf.remove(shopper);
    }
}
