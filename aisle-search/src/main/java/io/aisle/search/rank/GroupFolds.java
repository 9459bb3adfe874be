package io.aisle.search.rank;

import io.aisle.core.validation.ValidationException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * A k-fold split of rows for cross-validation, fixed at construction: either by group (all rows of one query in the
 * same fold, so no query is both trained and tested on) or by a fold id the data already carries.
 */
public final class GroupFolds {
    private final int[] foldOfRow;
    private final int folds;

    private GroupFolds(int[] foldOfRow, int folds) {
        this.foldOfRow = foldOfRow;
        this.folds = folds;
    }

    /**
     * Shuffles the distinct groups with {@code seed} and deals them round-robin into {@code k} folds: the same groups
     * and seed always give the same split, whatever the row order.
     */
    public static GroupFolds byGroup(List<String> groupOfRow, int k, long seed) {
        if (groupOfRow == null || groupOfRow.isEmpty()) throw new ValidationException("groups", "must not be empty");
        if (k < 2) throw new ValidationException("k", "must be at least 2, got " + k);
        // Sorted before shuffling, so the split does not depend on the order rows arrive in.
        if (groupOfRow.stream().anyMatch(java.util.Objects::isNull)) throw new ValidationException("groups", "must not contain null");
        List<String> groups = new ArrayList<>(new TreeSet<>(groupOfRow));
        if (groups.size() < k) throw new ValidationException("k", "is " + k + " but there are only " + groups.size() + " groups");
        Collections.shuffle(groups, new Random(seed));
        Map<String, Integer> foldOfGroup = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) foldOfGroup.put(groups.get(i), i % k);
        return new GroupFolds(groupOfRow.stream().mapToInt(foldOfGroup::get).toArray(), k);
    }

    /** Uses the given fold ids (any integers, e.g. 1..10); folds are numbered 0.. in ascending order of id. */
    public static GroupFolds byFoldId(int[] foldIdOfRow) {
        if (foldIdOfRow == null || foldIdOfRow.length == 0) throw new ValidationException("foldIds", "must not be empty");
        int[] ids = Arrays.stream(foldIdOfRow).distinct().sorted().toArray();
        if (ids.length < 2) throw new ValidationException("foldIds", "need at least 2 distinct folds, got " + ids.length);
        int[] fold = new int[foldIdOfRow.length];
        for (int r = 0; r < fold.length; r++) fold[r] = Arrays.binarySearch(ids, foldIdOfRow[r]);
        return new GroupFolds(fold, ids.length);
    }

    public int folds() { return folds; }

    public int rows() { return foldOfRow.length; }

    /** The fold of a row, 0..folds()-1. */
    public int foldOf(int row) { return foldOfRow[row]; }

    /** Rows held out in {@code fold}, ascending. */
    public int[] testRows(int fold) {
        checkFold(fold);
        return IntStream.range(0, foldOfRow.length).filter(r -> foldOfRow[r] == fold).toArray();
    }

    /** Rows of every other fold, ascending. */
    public int[] trainRows(int fold) {
        checkFold(fold);
        return IntStream.range(0, foldOfRow.length).filter(r -> foldOfRow[r] != fold).toArray();
    }

    private void checkFold(int fold) {
        if (fold < 0 || fold >= folds) throw new ValidationException("fold", "must be 0.." + (folds - 1) + ", got " + fold);
    }
}
