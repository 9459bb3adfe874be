package io.aisle.core.port;

import io.aisle.core.shopper.AnonymousId;
import io.aisle.core.shopper.Consent;
import io.aisle.core.shopper.IdentityLink;
import io.aisle.core.shopper.Shopper;
import io.aisle.core.shopper.ShopperId;
import io.aisle.core.shopper.ShopperUpdate;
import io.aisle.core.shopper.Trait;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The system of record for shoppers: their traits (stated, imported or inferred), their consent decisions and the
 * anonymous ids stitched to them. Unlike derived state it is not rebuilt from the event log, so {@link #erase} is
 * the only way its data goes.
 */
public interface ShopperStore extends AutoCloseable {

    /** The shopper, or empty when nothing at all is stored about them. */
    Optional<Shopper> get(ShopperId id);

    /**
     * Applies the update in one transaction, creating the shopper when new. A trait replaces any earlier value of
     * its name, whatever the source; removing a name that is not there is not an error. A consent decision equal to
     * the latest one for its purpose is not recorded again, so the history holds changes only.
     */
    void update(ShopperId id, ShopperUpdate update);

    default void putTraits(ShopperId id, List<Trait> traits) { update(id, ShopperUpdate.traits(traits)); }

    default void recordConsents(ShopperId id, List<Consent> consents) { update(id, ShopperUpdate.consents(consents)); }

    /**
     * Records that an anonymous id belongs to the shopper (the event pipeline calls this when an event carries both),
     * creating the shopper when new. Cheap when the link exists: it is read before anything is written.
     *
     * @return true when the link is new
     */
    boolean link(ShopperId id, AnonymousId anonymousId);

    /** Links many pairs in one transaction; returns how many were new. */
    int linkAll(Collection<IdentityLink> links);

    /** The anonymous ids linked to the shopper; empty when none (or no such shopper). */
    Set<AnonymousId> linkedIds(ShopperId id);

    /** The shoppers an anonymous id is linked to (a shared device may have several). */
    Set<ShopperId> linkedShoppers(AnonymousId anonymousId);

    /** Removes every trait, consent and link of the shopper, and the shopper; returns whether anything was there. */
    boolean erase(ShopperId id);

    /** Number of shoppers stored. */
    long count();

    @Override void close();
}
