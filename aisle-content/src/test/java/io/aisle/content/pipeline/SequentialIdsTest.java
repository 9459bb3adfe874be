package io.aisle.content.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SequentialIdsTest {
    @Test void ids_continue_after_the_highest_restored_one_and_other_shapes_are_ignored() {
        SequentialIds ids = new SequentialIds("job-");
        assertThat(ids.next()).isEqualTo("job-1");
        for (String id : new String[] {"job-7", "job-3", "job-x", "job-", "r99", "job-99999999999999999999", "job-1e3"}) ids.restored(id);
        assertThat(ids.next()).isEqualTo("job-8");
    }
}
