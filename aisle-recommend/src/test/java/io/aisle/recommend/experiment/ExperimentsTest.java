package io.aisle.recommend.experiment;

import io.aisle.core.experiment.Assignment;
import io.aisle.core.experiment.Experiment;
import io.aisle.core.experiment.ExperimentConflictException;
import io.aisle.core.experiment.ExperimentStatus;
import io.aisle.core.experiment.ExperimentStore;
import io.aisle.core.experiment.Variant;
import io.aisle.core.port.NotFoundException;
import io.aisle.core.validation.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service a serving host calls: create, stop, list, and which variant a shopper gets. */
class ExperimentsTest {
    private static final Instant T0 = Instant.parse("2025-05-01T08:00:00Z");

    /** A store in memory that can be told to fail, to show nothing is served that was not stored. */
    private static final class MemoryStore implements ExperimentStore {
        final List<Experiment> stored = new ArrayList<>();
        boolean failing;

        @Override public List<Experiment> all() { return List.copyOf(stored); }

        @Override public void put(Experiment e) {
            if (failing) throw new IllegalStateException("disk full");
            stored.removeIf(x -> x.id().equals(e.id()));
            stored.add(e);
        }
    }

    private final MemoryStore store = new MemoryStore();
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final InstantSource clock = now::get;
    private final Experiments experiments = new Experiments(store, clock);
    private final List<Variant> variants = List.of(Variant.control("control", 1),
            Variant.treatment("sasrec", 1).withConfig(Map.of("model", "sasrec")));

    @Test void a_created_experiment_runs_from_now_and_is_stored() {
        Experiment e = experiments.create("home-feed", "SASRec on the home feed", null, 1.0, variants);
        assertThat(e.status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(e.startedAt()).isEqualTo(T0);
        assertThat(e.surface()).isEqualTo(Experiment.RECOMMENDATIONS);
        assertThat(store.stored).containsExactly(e);
        assertThat(new Experiments(store, clock).find("home-feed")).contains(e); // as after a restart
    }

    @Test void the_recommendation_host_gets_the_variant_and_its_config() {
        experiments.create("home-feed", "", null, 1.0, variants);
        Optional<Assignment> a = experiments.variantFor("s:alice");
        assertThat(a).isPresent();
        assertThat(a.get().experimentId()).isEqualTo("home-feed");
        assertThat(a).isEqualTo(experiments.assign("home-feed", "s:alice"));
        if (a.get().variant().equals("sasrec")) assertThat(a.get().config()).containsEntry("model", "sasrec");
        else assertThat(a.get().control()).isTrue();
        assertThat(experiments.variantFor("search", "s:alice")).isEmpty();
    }

    @Test void nobody_is_assigned_once_stopped() {
        experiments.create("home-feed", "", null, 1.0, variants);
        long version = experiments.version();
        now.set(T0.plus(Duration.ofDays(7)));
        Experiment stopped = experiments.stop("home-feed");
        assertThat(stopped.stoppedAt()).isEqualTo(T0.plus(Duration.ofDays(7)));
        assertThat(experiments.version()).isGreaterThan(version);
        assertThat(experiments.variantFor("s:alice")).isEmpty();
        assertThat(experiments.assign("home-feed", "s:alice")).isEmpty();
        assertThat(experiments.stop("home-feed")).isEqualTo(stopped); // stopping again changes nothing
        assertThat(store.stored).containsExactly(stopped);
    }

    @Test void one_experiment_runs_per_surface_and_ids_are_unique() {
        experiments.create("home-feed", "", null, 1.0, variants);
        assertThatThrownBy(() -> experiments.create("home-feed-2", "", null, 1.0, variants))
                .isInstanceOfSatisfying(ExperimentConflictException.class, e -> assertThat(e.field()).isEqualTo("surface"))
                .hasMessageContaining("home-feed");
        experiments.create("search-rank", "", "search", 1.0, variants);
        experiments.stop("home-feed");
        assertThatThrownBy(() -> experiments.create("home-feed", "", null, 1.0, variants))
                .isInstanceOfSatisfying(ExperimentConflictException.class, e -> assertThat(e.field()).isEqualTo("id"));
        experiments.create("home-feed-2", "", null, 1.0, variants);
        assertThat(experiments.list()).extracting(Experiment::id).containsExactly("home-feed", "search-rank", "home-feed-2");
    }

    @Test void bad_definitions_and_keys_name_the_field() {
        assertThatThrownBy(() -> experiments.create("Home Feed", "", null, 1.0, variants))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("id"));
        assertThatThrownBy(() -> experiments.assign("home-feed", "alice"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("shopper_key"));
        assertThatThrownBy(() -> experiments.stop("nope")).isInstanceOf(NotFoundException.class);
    }

    @Test void a_failed_write_leaves_nothing_half_done() {
        store.failing = true;
        assertThatThrownBy(() -> experiments.create("home-feed", "", null, 1.0, variants)).hasMessageContaining("disk full");
        assertThat(experiments.list()).isEmpty();
        assertThat(experiments.variantFor("s:alice")).isEmpty();
    }

    @Test void an_unknown_experiment_assigns_nobody() {
        assertThat(experiments.assign("nope", "a:device-1")).isEmpty();
    }
}
