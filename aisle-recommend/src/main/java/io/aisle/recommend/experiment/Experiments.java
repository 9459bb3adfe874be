package io.aisle.recommend.experiment;

import io.aisle.core.experiment.Assignment;
import io.aisle.core.experiment.Experiment;
import io.aisle.core.experiment.ExperimentConflictException;
import io.aisle.core.experiment.ExperimentStore;
import io.aisle.core.experiment.Variant;
import io.aisle.core.port.NotFoundException;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The experiments of one Aisle node: defines, stops and lists them (durably, through an {@link ExperimentStore})
 * and tells a serving host which variant a shopper gets. Reads are lock-free over an immutable snapshot, so
 * {@link #variantFor} costs one SHA-256 or two on the request path; changes are serialised.
 */
public final class Experiments {
    private record Snapshot(long version, Map<String, Experiment> byId, Map<String, Experiment> runningBySurface) {
        static Snapshot of(long version, List<Experiment> all) {
            Map<String, Experiment> byId = new LinkedHashMap<>();
            Map<String, Experiment> running = new LinkedHashMap<>();
            for (Experiment e : all) {
                byId.put(e.id(), e);
                if (e.running()) running.put(e.surface(), e);
            }
            return new Snapshot(version, Collections.unmodifiableMap(byId), Collections.unmodifiableMap(running));
        }
    }

    private final ExperimentStore store;
    private final InstantSource clock;
    private volatile Snapshot snapshot;

    public Experiments(ExperimentStore store, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.snapshot = Snapshot.of(0, store.all());
    }

    /**
     * Defines an experiment and starts it now.
     *
     * @throws io.aisle.core.validation.ValidationException naming each bad field
     * @throws ExperimentConflictException when the id is taken or another experiment runs on the surface
     */
    public synchronized Experiment create(String id, String description, String surface, double traffic,
                                          List<Variant> variants) {
        Experiment created = Experiment.start(id, description, surface, traffic, variants, clock.instant());
        Snapshot now = snapshot;
        if (now.byId().containsKey(created.id())) {
            throw new ExperimentConflictException("id", "an experiment with id '" + created.id() + "' exists already");
        }
        Experiment clash = now.runningBySurface().get(created.surface());
        if (clash != null) {
            throw new ExperimentConflictException("surface", "experiment '" + clash.id() + "' is running on surface '"
                    + created.surface() + "'; stop it first");
        }
        publish(created);
        return created;
    }

    /** Stops an experiment now; stopping a stopped one changes nothing. */
    public synchronized Experiment stop(String id) {
        Experiment e = find(id).orElseThrow(() -> new NotFoundException("No experiment with id '" + id + "'"));
        if (!e.running()) return e;
        Experiment stopped = e.stop(clock.instant());
        publish(stopped);
        return stopped;
    }

    /** Every experiment, in the order they were created. */
    public List<Experiment> list() { return List.copyOf(snapshot.byId().values()); }

    public Optional<Experiment> find(String id) { return Optional.ofNullable(snapshot.byId().get(id)); }

    /** The experiment running on a surface, if any. */
    public Optional<Experiment> running(String surface) { return Optional.ofNullable(snapshot.runningBySurface().get(surface)); }

    /**
     * The shopper's variant in a running experiment; empty when the experiment is unknown or stopped, or the
     * traffic share holds the shopper out (serve them as if there were no experiment).
     *
     * @param shopperKey {@code s:<shopper id>} or {@code a:<anonymous id>}, see {@link ShopperKeys}
     */
    public Optional<Assignment> assign(String experimentId, String shopperKey) {
        ShopperKeys.check("shopper_key", shopperKey);
        return find(experimentId).filter(Experiment::running).flatMap(e -> Assigner.assign(e, shopperKey));
    }

    /** The shopper's variant in the experiment running on the recommendations, if any. */
    public Optional<Assignment> variantFor(String shopperKey) { return variantFor(Experiment.RECOMMENDATIONS, shopperKey); }

    /** The shopper's variant in the experiment running on {@code surface}, if any. */
    public Optional<Assignment> variantFor(String surface, String shopperKey) {
        ShopperKeys.check("shopper_key", shopperKey);
        return running(surface).flatMap(e -> Assigner.assign(e, shopperKey));
    }

    /** Grows with every change; a projection compares it to know when to pick up new definitions. */
    public long version() { return snapshot.version(); }

    private void publish(Experiment changed) {
        store.put(changed); // durable first: a failed write leaves the served state as it was
        List<Experiment> all = new ArrayList<>(snapshot.byId().values());
        int at = -1;
        for (int i = 0; i < all.size(); i++) if (all.get(i).id().equals(changed.id())) at = i;
        if (at >= 0) all.set(at, changed);
        else all.add(changed);
        snapshot = Snapshot.of(snapshot.version() + 1, all);
    }
}
