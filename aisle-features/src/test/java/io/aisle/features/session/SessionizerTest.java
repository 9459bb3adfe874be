package io.aisle.features.session;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.Actor;
import io.aisle.core.event.EventName;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.shopper.ShopperId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.aisle.features.session.Events.applied;
import static io.aisle.features.session.Events.cart;
import static io.aisle.features.session.Events.device;
import static io.aisle.features.session.Events.dwell;
import static io.aisle.features.session.Events.event;
import static io.aisle.features.session.Events.login;
import static io.aisle.features.session.Events.minute;
import static io.aisle.features.session.Events.page;
import static io.aisle.features.session.Events.purchase;
import static io.aisle.features.session.Events.search;
import static io.aisle.features.session.Events.shopper;
import static io.aisle.features.session.Events.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionizerTest {
    private static final Actor ANNA = shopper("anna");

    @Test
    void an_idle_gap_longer_than_the_timeout_splits_one_session_id() {
        Sessionizer s = applied(new Sessionizer(), page(ANNA, "se-1", minute(0)), view(ANNA, "se-1", minute(10), "A"),
                view(ANNA, "se-1", minute(40), "B"), view(ANNA, "se-1", minute(70.01), "C"));

        List<SessionSummary> sessions = s.recentSessions("s:anna", 10);
        assertThat(sessions).extracting(SessionSummary::sessionKey).containsExactly("se-1#2", "se-1");
        assertThat(sessions.get(1).eventCount()).isEqualTo(3);
        assertThat(sessions.get(1).viewed()).containsExactly(ProductId.of("A"), ProductId.of("B"));
        assertThat(sessions.get(1).duration()).isEqualTo(Duration.ofMinutes(40));
        assertThat(sessions.get(0).sessionId()).isEqualTo("se-1");
    }

    @Test
    void a_gap_of_exactly_the_timeout_still_continues() {
        Sessionizer s = applied(new Sessionizer(), page(ANNA, "se-1", minute(0)), page(ANNA, "se-1", minute(30)));
        assertThat(s.recentSessions("s:anna", 10)).hasSize(1);
    }

    @Test
    void a_new_session_id_starts_a_new_session_without_any_pause() {
        Sessionizer s = applied(new Sessionizer(), page(ANNA, "se-1", minute(0)), page(ANNA, "se-2", minute(1)));
        assertThat(s.recentSessions("s:anna", 10)).extracting(SessionSummary::sessionKey).containsExactly("se-2", "se-1");
    }

    @Test
    void the_timeout_is_configurable() {
        Sessionizer s = applied(new Sessionizer(SessionConfig.defaults().withBoundary(new SessionBoundary(Duration.ofMinutes(5)))),
                page(ANNA, "se-1", minute(0)), page(ANNA, "se-1", minute(4)), page(ANNA, "se-1", minute(10)));
        assertThat(s.recentSessions("s:anna", 10)).hasSize(2);
    }

    @Test
    void a_summary_lists_viewed_carted_and_bought_items_and_queries() {
        Sessionizer s = applied(new Sessionizer(), page(ANNA, "se-1", minute(0)), search(ANNA, "se-1", minute(1), "Trail shoes"),
                search(ANNA, "se-1", minute(1.5), "trail shoes"), view(ANNA, "se-1", minute(2), "A"),
                view(ANNA, "se-1", minute(3), "B"), view(ANNA, "se-1", minute(4), "A"), cart(ANNA, "se-1", minute(5), "B"),
                purchase(ANNA, "se-1", minute(6), "B", "C"));

        SessionSummary only = s.currentSession("s:anna").orElseThrow();
        assertThat(only.open()).isTrue();
        assertThat(only.actorKey()).isEqualTo("s:anna");
        assertThat(only.eventCount()).isEqualTo(8);
        assertThat(only.viewed()).containsExactly(ProductId.of("A"), ProductId.of("B"));
        assertThat(only.carted()).containsExactly(ProductId.of("B"));
        assertThat(only.purchased()).containsExactly(ProductId.of("B"), ProductId.of("C"));
        assertThat(only.queries()).containsExactly("Trail shoes");
        assertThat(only.bounce()).isFalse();
    }

    @Test
    void a_single_short_page_is_a_bounce_and_a_long_or_second_page_is_not() {
        Actor ben = shopper("ben");
        Actor cleo = shopper("cleo");
        Sessionizer s = applied(new Sessionizer(), page(ANNA, "a", minute(0)), page(ben, "b", minute(0)), page(ben, "b", minute(0.1)),
                view(cleo, "c", minute(0), "A"), dwell(cleo, "c", minute(0.5), "A", 30_000),
                event(EventName.REFUND, shopper("dora"), "d", minute(0), "A"));

        assertThat(s.recentSessions("s:anna", 1).getFirst().bounce()).isTrue();
        assertThat(s.recentSessions("s:ben", 1).getFirst().bounce()).isFalse();
        assertThat(s.recentSessions("s:cleo", 1).getFirst().bounce()).isFalse();
        assertThat(s.recentSessions("s:dora", 1).getFirst().bounce()).as("no page at all: back office").isFalse();
    }

    @Test
    void the_current_session_ends_when_the_clock_passes_the_timeout() {
        Sessionizer s = applied(new Sessionizer(), page(ANNA, "se-1", minute(0)));
        assertThat(s.currentSession("s:anna")).isPresent();

        applied(s, page(shopper("ben"), "se-9", minute(31)));

        assertThat(s.currentSession("s:anna")).isEmpty();
        assertThat(s.recentSessions("s:anna", 5)).singleElement().satisfies(x -> assertThat(x.open()).isFalse());
        assertThat(s.clock()).contains(minute(31));
    }

    @Test
    void history_keeps_only_the_newest_sessions() {
        Sessionizer s = new Sessionizer(SessionConfig.defaults().withHistory(3));
        for (int i = 0; i < 8; i++) applied(s, page(ANNA, "se-" + i, minute(i)));

        assertThat(s.recentSessions("s:anna", 100)).extracting(SessionSummary::sessionId)
                .containsExactly("se-7", "se-6", "se-5", "se-4");
    }

    @Test
    void finds_the_session_of_an_event() {
        ShopperEvent later = view(ANNA, "se-1", minute(50), "B");
        Sessionizer s = applied(new Sessionizer(), view(ANNA, "se-1", minute(0), "A"), later, page(ANNA, "se-2", minute(51)));

        assertThat(s.sessionOf(later)).get().extracting(SessionSummary::sessionKey).isEqualTo("se-1#2");
        assertThat(s.sessionOf(view(ANNA, "se-3", minute(1), "A"))).isEmpty();
    }

    @Test
    void a_device_that_logs_in_brings_its_history_to_the_shopper() {
        Actor phone = device("phone");
        Sessionizer s = applied(new Sessionizer(),
                view(phone, "se-1", minute(0), "A"),                    // anonymous browsing
                view(phone, "se-2", minute(60), "B"),                   // next visit, still anonymous...
                view(login("anna", "phone"), "se-2", minute(61), "C"),   // ...logs in halfway
                view(phone, "se-3", minute(200), "D"));                  // later, logged out again on the same phone

        List<SessionSummary> byShopper = s.recentSessions(ShopperId.of("anna"), 10);
        assertThat(byShopper).extracting(SessionSummary::sessionId).containsExactly("se-3", "se-2", "se-1");
        assertThat(byShopper).allSatisfy(x -> assertThat(x.actorKey()).isEqualTo("s:anna"));
        assertThat(byShopper.get(1).actorKeys()).containsExactly("a:phone", "s:anna");
        assertThat(byShopper.get(1).viewed()).containsExactly(ProductId.of("B"), ProductId.of("C"));
        assertThat(s.recentSessions("a:phone", 10)).isEqualTo(byShopper);
        assertThat(s.canonicalKey("a:phone")).isEqualTo("s:anna");
        assertThat(s.actorCount()).isEqualTo(1);
    }

    @Test
    void forgetting_a_shopper_forgets_the_devices_stitched_to_them() {
        Sessionizer s = applied(new Sessionizer(), view(device("phone"), "se-1", minute(0), "A"),
                view(login("anna", "phone"), "se-1", minute(1), "B"), page(shopper("ben"), "se-9", minute(2)));

        s.forget(Set.of("s:anna"));

        assertThat(s.recentSessions("s:anna", 10)).isEmpty();
        assertThat(s.recentSessions("a:phone", 10)).isEmpty();
        assertThat(s.canonicalKey("a:phone")).isEqualTo("a:phone");
        assertThat(s.recentSessions("s:ben", 10)).hasSize(1);
    }

    @Test
    void forgetting_a_device_drops_its_sessions_but_keeps_the_shoppers_own() {
        Sessionizer s = applied(new Sessionizer(), view(device("phone"), "se-1", minute(0), "A"),
                view(login("anna", "phone"), "se-1", minute(1), "B"), view(ANNA, "se-2", minute(100), "C"));

        s.forget(Set.of("a:phone"));

        assertThat(s.recentSessions("s:anna", 10)).extracting(SessionSummary::sessionId).containsExactly("se-2");
        assertThat(s.recentSessions("s:anna", 10).getFirst().actorKeys()).containsExactly("s:anna");
    }

    @Test
    void a_shared_device_files_later_sessions_under_the_newest_login_and_forgetting_it_reaches_both() {
        Actor tablet = device("tablet");
        Sessionizer s = applied(new Sessionizer(), view(login("anna", "tablet"), "se-1", minute(0), "A"),
                view(tablet, "se-2", minute(100), "B"), view(login("ben", "tablet"), "se-3", minute(200), "C"),
                view(tablet, "se-4", minute(300), "D"), view(ANNA, "se-5", minute(400), "E"));

        assertThat(s.recentSessions("s:anna", 10)).extracting(SessionSummary::sessionId).containsExactly("se-5", "se-2", "se-1");
        assertThat(s.recentSessions("s:ben", 10)).extracting(SessionSummary::sessionId).containsExactly("se-4", "se-3");

        s.forget(Set.of("a:tablet"));

        // The anonymous sessions go wherever they were filed; what each shopper did logged in stays theirs.
        assertThat(s.recentSessions("s:anna", 10)).extracting(SessionSummary::sessionId).containsExactly("se-5", "se-1");
        assertThat(s.recentSessions("s:ben", 10)).extracting(SessionSummary::sessionId).containsExactly("se-3");
        assertThat(s.canonicalKey("a:tablet")).isEqualTo("a:tablet");
    }

    @Test
    void reset_forgets_everything() {
        Sessionizer s = applied(new Sessionizer(), page(ANNA, "se-1", minute(0)));
        s.reset();
        assertThat(s.recentSessions("s:anna", 10)).isEmpty();
        assertThat(s.clock()).isEmpty();
        assertThat(s.actorCount()).isZero();
    }

    @Test
    void refuses_bad_settings() {
        assertThatThrownBy(() -> new SessionBoundary(Duration.ZERO)).hasMessageContaining("timeout must be positive");
        assertThatThrownBy(() -> SessionConfig.defaults().withHistory(0)).hasMessageContaining("history must be 1..1000");
        assertThatThrownBy(() -> new Sessionizer().recentSessions("s:x", -1)).hasMessageContaining("limit");
    }
}
