package io.aisle.store.embedded;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdIndexTest {

    @Test void behaves_like_a_map_through_growth_and_replacement() {
        EventIdIndex index = new EventIdIndex();
        Map<Long, Long> expected = new HashMap<>();
        Random random = new Random(42);
        for (long offset = 1; offset <= 200_000; offset++) {
            // Narrow key range: plenty of replaced keys, and keys 0 and 1 which share a slot.
            long key = random.nextInt(150_000) - 2;
            index.put(key, offset);
            expected.put(key == 0 ? 1 : key, offset);
        }
        expected.forEach((k, v) -> assertThat(index.get(k)).isEqualTo(v));
        assertThat(index.get(200_000)).isZero();
        assertThat(index.size()).isEqualTo(expected.size());
    }

    @Test void removing_entries_keeps_every_other_entry_reachable() {
        EventIdIndex index = new EventIdIndex();
        Map<Long, Long> expected = new HashMap<>();
        Random random = new Random(7);
        long offset = 0;
        for (int round = 0; round < 200_000; round++) {
            // Keys that are multiples of 1024 share a home slot at every table size up to 1024 slots, so removals
            // happen inside long probe runs that wrap around the end of the table.
            long key = random.nextBoolean() ? random.nextInt(3_000) * 1024L + 1 : random.nextInt(5_000) + 2;
            if (random.nextInt(3) == 0 && expected.containsKey(key)) {
                index.remove(key, expected.remove(key));
            } else {
                index.put(key, ++offset);
                expected.put(key, offset);
            }
        }
        expected.forEach((k, v) -> assertThat(index.get(k)).as("key %d", k).isEqualTo(v));
        assertThat(index.size()).isEqualTo(expected.size());
    }

    @Test void removing_an_offset_the_slot_no_longer_holds_touches_only_collisions() {
        EventIdIndex index = new EventIdIndex();
        index.put(5, 10);
        index.putCollision("other-id", 11);
        index.remove(5, 11);   // offset 11 lives in the collision map, not in slot 5
        assertThat(index.get(5)).isEqualTo(10);
        assertThat(index.collision("other-id")).isZero();
        index.remove(5, 10);
        assertThat(index.get(5)).isZero();
        assertThat(index.size()).isZero();
    }

    @Test void hash_is_stable_and_spreads_similar_ids() {
        // Stored on disk: a change of hash function would silently break duplicate detection of old events.
        assertThat(EventIdIndex.hash("evt-1")).isEqualTo(-347935156107492943L);
        assertThat(EventIdIndex.hash("5b0e6bd8-1b5e-4a7f-9a6c-3f2f7f0d9c11")).isEqualTo(-5627737011748841310L);
        Set<Long> hashes = new HashSet<>();
        for (int i = 0; i < 100_000; i++) hashes.add(EventIdIndex.hash("evt-" + i));
        for (int i = 0; i < 100_000; i++) {
            byte[] seed = {(byte) i, (byte) (i >> 8), (byte) (i >> 16)};
            hashes.add(EventIdIndex.hash(UUID.nameUUIDFromBytes(seed).toString()));
        }
        assertThat(hashes).hasSize(200_000);
    }
}
