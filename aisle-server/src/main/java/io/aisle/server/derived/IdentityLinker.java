package io.aisle.server.derived;

import io.aisle.core.event.LoggedEvent;
import io.aisle.core.port.ShopperStore;
import io.aisle.core.replay.Projection;
import io.aisle.core.shopper.IdentityLink;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Records in the shopper store that a device belongs to a shopper whenever an event carries both ids. */
final class IdentityLinker implements Projection {
    private final ShopperStore shoppers;

    IdentityLinker(ShopperStore shoppers) { this.shoppers = shoppers; }

    @Override public String name() { return "identity-links"; }

    @Override public void apply(LoggedEvent event) { applyAll(List.of(event)); }

    @Override public void applyAll(List<LoggedEvent> events) {
        List<IdentityLink> links = new ArrayList<>();
        for (LoggedEvent e : events) {
            var actor = e.event().actor();
            if (actor.shopperId() != null && actor.anonymousId() != null) {
                links.add(new IdentityLink(actor.shopperId(), actor.anonymousId()));
            }
        }
        // One transaction per page; links already known are left alone, so replaying the log is harmless.
        if (!links.isEmpty()) shoppers.linkAll(links);
    }

    @Override public void reset() {
        // Links live in the shopper store, which erasure (not replay) cleans.
    }

    @Override public void forget(Set<String> actorKeys) {
        // The shopper record and its links are removed by the erasure itself.
    }
}
