package io.aisle.search.rank;

import io.aisle.core.validation.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupFoldsTest {
    private static final List<String> GROUPS = IntStream.range(0, 200).mapToObj(i -> "q" + (i % 23)).toList();

    @Test
    void keeps_every_group_in_one_fold_and_uses_every_fold() {
        GroupFolds folds = GroupFolds.byGroup(GROUPS, 5, 42);
        Map<String, Integer> foldOfGroup = new HashMap<>();
        for (int r = 0; r < GROUPS.size(); r++) {
            Integer before = foldOfGroup.putIfAbsent(GROUPS.get(r), folds.foldOf(r));
            if (before != null) assertThat(folds.foldOf(r)).isEqualTo(before);
        }
        for (int f = 0; f < 5; f++) {
            assertThat(folds.testRows(f)).isNotEmpty();
            assertThat(folds.testRows(f).length + folds.trainRows(f).length).isEqualTo(GROUPS.size());
        }
    }

    @Test
    void the_same_groups_and_seed_give_the_same_split_in_any_row_order() {
        List<String> reversed = new ArrayList<>(GROUPS);
        Collections.reverse(reversed);
        GroupFolds a = GroupFolds.byGroup(GROUPS, 5, 42);
        GroupFolds b = GroupFolds.byGroup(reversed, 5, 42);
        for (int r = 0; r < GROUPS.size(); r++) assertThat(b.foldOf(GROUPS.size() - 1 - r)).isEqualTo(a.foldOf(r));
        GroupFolds other = GroupFolds.byGroup(GROUPS, 5, 43);
        assertThat(IntStream.range(0, GROUPS.size()).anyMatch(r -> other.foldOf(r) != a.foldOf(r))).isTrue();
    }

    @Test
    void uses_given_fold_ids_numbered_in_ascending_order() {
        GroupFolds folds = GroupFolds.byFoldId(new int[] {10, 1, 5, 1, 10});
        assertThat(folds.folds()).isEqualTo(3);
        assertThat(folds.testRows(0)).containsExactly(1, 3);
        assertThat(folds.testRows(2)).containsExactly(0, 4);
        assertThat(folds.trainRows(1)).containsExactly(0, 1, 3, 4);
    }

    @Test
    void refuses_too_few_groups_or_folds() {
        assertThatThrownBy(() -> GroupFolds.byGroup(List.of("a", "b"), 3, 1)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("only 2 groups");
        assertThatThrownBy(() -> GroupFolds.byGroup(GROUPS, 1, 1)).isInstanceOf(ValidationException.class).hasMessageContaining("k");
        assertThatThrownBy(() -> GroupFolds.byFoldId(new int[] {3, 3})).isInstanceOf(ValidationException.class)
                .hasMessageContaining("2 distinct");
        assertThatThrownBy(() -> GroupFolds.byGroup(GROUPS, 5, 1).testRows(5)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("fold");
    }
}
