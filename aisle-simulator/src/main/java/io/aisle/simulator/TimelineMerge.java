package io.aisle.simulator;

import io.aisle.core.event.ShopperEvent;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Merges every shopper's timeline into one stream in timestamp order (ties by shopper index), with a binary heap
 * keyed on each timeline's earliest possible next event. Only shoppers at the front of the heap write sessions, so
 * memory holds the sessions in flight, not the history.
 */
final class TimelineMerge implements Iterator<ShopperEvent> {
    private final ShopperTimeline[] timelines;
    private final SessionWriter writer;
    private final long[] keys;
    private final int[] owners;
    private int size;
    private ShopperEvent next;

    TimelineMerge(Simulation simulation) {
        int shoppers = simulation.config().shoppers();
        this.timelines = new ShopperTimeline[shoppers];
        this.writer = simulation.newWriter();
        this.keys = new long[shoppers];
        this.owners = new int[shoppers];
        for (int i = 0; i < shoppers; i++) {
            timelines[i] = new ShopperTimeline(simulation, i);
            long bound = timelines[i].bound();
            if (bound != ShopperTimeline.NONE) push(bound, i);
        }
    }

    @Override public boolean hasNext() {
        while (next == null && size > 0) {
            long key = keys[0];
            int owner = owners[0];
            ShopperTimeline timeline = timelines[owner];
            timeline.materialise(writer);
            long exact = timeline.bound();
            if (exact == ShopperTimeline.NONE) {
                pop();
                timelines[owner] = null;
            } else if (exact > key) {
                replaceTop(exact, owner); // the bound was early: requeue at the real time before emitting anything
            } else {
                next = timeline.next(writer);
                long after = timeline.bound();
                if (after == ShopperTimeline.NONE) {
                    pop();
                    timelines[owner] = null;
                } else {
                    replaceTop(after, owner);
                }
            }
        }
        return next != null;
    }

    @Override public ShopperEvent next() {
        if (!hasNext()) throw new NoSuchElementException();
        ShopperEvent e = next;
        next = null;
        return e;
    }

    private boolean less(long keyA, int ownerA, long keyB, int ownerB) {
        return keyA < keyB || (keyA == keyB && ownerA < ownerB);
    }

    private void push(long key, int owner) {
        int at = size++;
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!less(key, owner, keys[parent], owners[parent])) break;
            keys[at] = keys[parent];
            owners[at] = owners[parent];
            at = parent;
        }
        keys[at] = key;
        owners[at] = owner;
    }

    private void pop() {
        size--;
        if (size > 0) siftDown(keys[size], owners[size]);
    }

    private void replaceTop(long key, int owner) { siftDown(key, owner); }

    private void siftDown(long key, int owner) {
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) break;
            if (child + 1 < size && less(keys[child + 1], owners[child + 1], keys[child], owners[child])) child++;
            if (!less(keys[child], owners[child], key, owner)) break;
            keys[at] = keys[child];
            owners[at] = owners[child];
            at = child;
        }
        keys[at] = key;
        owners[at] = owner;
    }
}
