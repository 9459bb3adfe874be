package io.aisle.features.session;

import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.simulator.CatalogConfig;
import io.aisle.simulator.CatalogGenerator;
import io.aisle.simulator.CatalogView;
import io.aisle.simulator.ShopperProfile;
import io.aisle.simulator.ShopperSimulator;
import io.aisle.simulator.SimulationConfig;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions over a simulated month, where the simulator's own session ids are the ground truth. */
class SimulatedSessionsTest {
    private static final ShopperSimulator SIMULATOR = new ShopperSimulator(
            SimulationConfig.of(5, 200, Instant.parse("2025-05-01T00:00:00Z"), Instant.parse("2025-06-01T00:00:00Z")),
            CatalogView.of(new CatalogGenerator(CatalogConfig.of(5, 1_000))));
    private static final List<ShopperEvent> EVENTS = SIMULATOR.events().toList();

    @Test
    void every_simulated_session_becomes_one_session_filed_under_its_shopper() {
        Sessionizer s = new Sessionizer(SessionConfig.defaults().withHistory(1_000));
        s.applyAll(Events.logged(EVENTS));

        Map<String, Set<String>> sessionIdsByKey = new HashMap<>();
        Set<String> loggedInKeys = new HashSet<>();
        for (ShopperEvent e : EVENTS) {
            sessionIdsByKey.computeIfAbsent(e.actor().key(), k -> new HashSet<>()).add(e.sessionId());
            if (e.actor().shopperId() != null) loggedInKeys.add(e.actor().key());
        }
        int checked = 0;
        for (ShopperProfile p : SIMULATOR.profiles().toList()) {
            Set<String> truth = new HashSet<>();
            for (String k : p.actorKeys()) truth.addAll(sessionIdsByKey.getOrDefault(k, Set.of()));
            boolean loggedIn = loggedInKeys.contains(p.actorKeys().getFirst());
            if (truth.isEmpty()) continue;
            // Once the shopper logs in anywhere, the device's sessions (before and after) are filed under the shopper.
            String key = loggedIn ? p.actorKeys().getFirst() : p.actorKeys().getLast();
            List<SessionSummary> sessions = s.recentSessions(key, 10_000);
            // The simulator never pauses 30 minutes inside a session, so no session id is split or merged.
            assertThat(sessions).extracting(SessionSummary::sessionKey).doesNotHaveDuplicates()
                    .allSatisfy(k -> assertThat(k).doesNotContain("#"));
            assertThat(sessions).extracting(SessionSummary::sessionId).containsExactlyInAnyOrderElementsOf(truth);
            if (loggedIn) assertThat(s.recentSessions(p.actorKeys().getLast(), 10_000)).isEqualTo(sessions);
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void sessions_count_every_event_once() {
        Sessionizer s = new Sessionizer(SessionConfig.defaults().withHistory(1_000));
        List<LoggedEvent> log = Events.logged(EVENTS);
        s.applyAll(log);
        Set<String> owners = new HashSet<>();
        for (ShopperEvent e : EVENTS) owners.add(s.canonicalKey(e.actor().key()));
        long counted = owners.stream().mapToLong(k -> s.recentSessions(k, 10_000).stream()
                .mapToLong(SessionSummary::eventCount).sum()).sum();
        assertThat(counted).isEqualTo(EVENTS.size());
        long bounces = owners.stream().mapToLong(k -> s.recentSessions(k, 10_000).stream().filter(SessionSummary::bounce).count()).sum();
        assertThat(bounces).isPositive();
    }
}
