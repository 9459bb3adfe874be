package io.aisle.store.embedded;

import io.aisle.core.shopper.AnonymousId;
import io.aisle.core.shopper.Consent;
import io.aisle.core.shopper.Consent.Purpose;
import io.aisle.core.shopper.IdentityLink;
import io.aisle.core.shopper.Shopper;
import io.aisle.core.shopper.ShopperId;
import io.aisle.core.shopper.ShopperUpdate;
import io.aisle.core.shopper.Trait;
import io.aisle.core.shopper.Trait.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.aisle.store.embedded.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class SqliteShopperStoreTest {
    private static final ShopperId ALICE = ShopperId.of("alice");
    private static final ShopperId BOB = ShopperId.of("bob");
    private static final Instant T1 = Instant.parse("2026-02-01T10:00:00.123456Z");
    private static final Instant T2 = Instant.parse("2026-02-02T10:00:00Z");

    @TempDir Path dir;
    private EmbeddedStorage storage;
    private SqliteShopperStore shoppers;

    @BeforeEach void open() {
        storage = EmbeddedStorage.open(dir, Fixtures.options());
        shoppers = storage.shoppers();
    }

    @AfterEach void close() { storage.close(); }

    private void reopen() {
        storage.close();
        open();
    }

    @Test void nothing_is_known_about_a_new_id() {
        assertThat(shoppers.get(ALICE)).isEmpty();
        assertThat(shoppers.linkedIds(ALICE)).isEmpty();
        assertThat(shoppers.erase(ALICE)).isFalse();
        assertThat(shoppers.count()).isZero();
        shoppers.update(ALICE, new ShopperUpdate(List.of(), Set.of(), List.of()));
        assertThat(shoppers.get(ALICE)).as("an empty update creates nothing").isEmpty();
    }

    @Test void traits_round_trip_with_source_and_time_and_replace_by_name() {
        shoppers.putTraits(ALICE, List.of(new Trait("budget", "120.00 EUR", Source.STATED, T1),
                new Trait("size.shoes", "EU 42", Source.STATED, T1),
                new Trait("loyalty_tier", "gold", Source.IMPORTED, T1)));
        reopen();
        Shopper alice = shoppers.get(ALICE).orElseThrow();
        assertThat(alice.traits()).containsOnlyKeys("budget", "size.shoes", "loyalty_tier");
        assertThat(alice.traits().get("budget")).isEqualTo(new Trait("budget", "120.00 EUR", Source.STATED, T1));
        assertThat(alice.traits().get("loyalty_tier").source()).isEqualTo(Source.IMPORTED);

        shoppers.update(ALICE, new ShopperUpdate(List.of(new Trait("budget", "90.00 EUR", Source.IMPORTED, T2)),
                Set.of("size.shoes", "never-there"), List.of()));
        alice = shoppers.get(ALICE).orElseThrow();
        assertThat(alice.traits()).containsOnlyKeys("budget", "loyalty_tier");
        assertThat(alice.traits().get("budget")).isEqualTo(new Trait("budget", "90.00 EUR", Source.IMPORTED, T2));
        assertThat(shoppers.count()).isEqualTo(1);
    }

    @Test void consent_history_keeps_changes_only_and_the_latest_decision_applies() {
        shoppers.recordConsents(ALICE, List.of(new Consent(Purpose.PERSONALIZATION, true, T1),
                new Consent(Purpose.MARKETING, false, T1)));
        // The banner re-sends the same state: no new history.
        shoppers.recordConsents(ALICE, List.of(new Consent(Purpose.PERSONALIZATION, true, T2)));
        // Withdrawn at the same instant it was given (a fixed clock): the later decision still wins.
        shoppers.recordConsents(ALICE, List.of(new Consent(Purpose.MARKETING, true, T2),
                new Consent(Purpose.MARKETING, false, T2)));
        Shopper alice = shoppers.get(ALICE).orElseThrow();
        assertThat(alice.consents()).containsExactly(new Consent(Purpose.PERSONALIZATION, true, T1),
                new Consent(Purpose.MARKETING, false, T1), new Consent(Purpose.MARKETING, true, T2),
                new Consent(Purpose.MARKETING, false, T2));
        assertThat(alice.allows(Purpose.PERSONALIZATION)).isTrue();
        assertThat(alice.allows(Purpose.MARKETING)).isFalse();
        assertThat(alice.allows(Purpose.ANALYTICS)).isFalse();
    }

    @Test void links_are_stitched_once_and_readable_both_ways() {
        assertThat(shoppers.link(ALICE, AnonymousId.of("dev-1"))).isTrue();
        assertThat(shoppers.link(ALICE, AnonymousId.of("dev-1"))).isFalse();
        assertThat(shoppers.linkAll(List.of(new IdentityLink(ALICE, AnonymousId.of("dev-1")),
                new IdentityLink(ALICE, AnonymousId.of("dev-2")), new IdentityLink(BOB, AnonymousId.of("dev-1")),
                new IdentityLink(BOB, AnonymousId.of("dev-1"))))).isEqualTo(2);
        assertThat(shoppers.linkedIds(ALICE)).containsExactlyInAnyOrder(AnonymousId.of("dev-1"), AnonymousId.of("dev-2"));
        assertThat(shoppers.linkedShoppers(AnonymousId.of("dev-1"))).containsExactlyInAnyOrder(ALICE, BOB);
        // A link alone makes the shopper known.
        assertThat(shoppers.get(BOB).orElseThrow().anonymousIds()).containsExactly(AnonymousId.of("dev-1"));
        assertThat(shoppers.count()).isEqualTo(2);
    }

    @Test void erase_removes_everything_about_one_shopper_only_and_is_idempotent() throws Exception {
        shoppers.putTraits(ALICE, List.of(new Trait("note", "marker-zz9-alice", Source.STATED, T1)));
        shoppers.recordConsents(ALICE, List.of(new Consent(Purpose.ANALYTICS, true, T1)));
        shoppers.link(ALICE, AnonymousId.of("dev-marker-q7"));
        shoppers.link(BOB, AnonymousId.of("dev-bob"));
        shoppers.putTraits(BOB, List.of(new Trait("note", "bob's", Source.STATED, T1)));

        assertThat(shoppers.erase(ALICE)).isTrue();
        assertThat(shoppers.get(ALICE)).isEmpty();
        assertThat(shoppers.linkedIds(ALICE)).isEmpty();
        assertThat(shoppers.linkedShoppers(AnonymousId.of("dev-marker-q7"))).isEmpty();
        assertThat(shoppers.get(BOB).orElseThrow().traits()).containsKey("note");
        assertThat(shoppers.erase(ALICE)).isFalse();
        // Zeroed in place and the WAL truncated: the erased values are nowhere in the files.
        for (String file : List.of("aisle.db", "aisle.db-wal")) {
            Path f = dir.resolve(file);
            String bytes = Files.exists(f) ? new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1) : "";
            assertThat(bytes).as(file).doesNotContain("marker-zz9").doesNotContain("dev-marker-q7");
        }
        reopen();
        assertThat(shoppers.get(ALICE)).isEmpty();
        assertThat(shoppers.count()).isEqualTo(1);
    }

    @Test void times_are_kept_to_the_microsecond() {
        shoppers.putTraits(ALICE, List.of(new Trait("t", "v", Source.STATED, NOW)));
        assertThat(shoppers.get(ALICE).orElseThrow().traits().get("t").recordedAt()).isEqualTo(NOW);
    }
}
