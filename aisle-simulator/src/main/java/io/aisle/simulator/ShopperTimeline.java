package io.aisle.simulator;

import io.aisle.core.event.ShopperEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * One shopper's events in time order, written a session at a time. Between sessions it holds only a few numbers, so a
 * million idle shoppers are cheap; session starts follow a Poisson process thinned by local time of day, weekday,
 * month and site-wide sales, and a new session never starts within 30 minutes of the previous one's last event.
 */
final class ShopperTimeline {
    static final long NONE = Long.MAX_VALUE;
    private static final long SESSION_GAP = 30 * 60_000L;
    private static final double MS_PER_WEEK = 7 * 86_400_000.0;

    private final Simulation simulation;
    private final int shopper;
    private final int market;
    private final double peakRate;
    private final double peak;
    private final long end;
    private final Rng arrivals;
    private int sessions;
    private long nextStart;
    private List<ShopperEvent> buffer;
    private int position;
    private List<ShopperEvent> later; // refunds, in time order

    ShopperTimeline(Simulation simulation, int shopper) {
        this.simulation = simulation;
        this.shopper = shopper;
        ShopperTaste taste = simulation.taste(shopper);
        this.market = taste.market;
        this.peak = simulation.seasons().peakTraffic() * simulation.promotions().peakBoost();
        this.peakRate = taste.sessionsPerWeek / MS_PER_WEEK * peak;
        this.end = simulation.config().end().toEpochMilli();
        this.arrivals = simulation.arrivalRng(shopper);
        this.nextStart = arrival(simulation.config().start().toEpochMilli());
    }

    /** The earliest time the next event can have; exact once {@link #materialise} has run. */
    long bound() {
        long head = buffer != null ? buffer.get(position).timestamp().toEpochMilli() : nextStart;
        return later == null ? head : Math.min(head, later.getFirst().timestamp().toEpochMilli());
    }

    /** Writes sessions until the next event is known. */
    void materialise(SessionWriter writer) {
        while (buffer == null && nextStart != NONE
                && (later == null || nextStart <= later.getFirst().timestamp().toEpochMilli())) {
            List<ShopperEvent> events = new ArrayList<>(32);
            List<ShopperEvent> refunds = new ArrayList<>(0);
            long start = nextStart;
            writer.write(simulation.taste(shopper), sessions++, start, simulation.sessionRng(shopper, sessions - 1), events, refunds);
            long last = events.isEmpty() ? start : events.getLast().timestamp().toEpochMilli();
            nextStart = arrival(Math.max(start, last + SESSION_GAP));
            if (!events.isEmpty()) {
                buffer = events;
                position = 0;
            }
            for (ShopperEvent refund : refunds) schedule(refund);
        }
    }

    /** The next event, or null when the shopper has no more. */
    ShopperEvent next(SessionWriter writer) {
        materialise(writer);
        long head = buffer != null ? buffer.get(position).timestamp().toEpochMilli() : NONE;
        long refund = later != null ? later.getFirst().timestamp().toEpochMilli() : NONE;
        if (head == NONE && refund == NONE) return null;
        if (head <= refund) {
            ShopperEvent e = buffer.get(position++);
            if (position == buffer.size()) buffer = null; // let the session go: idle shoppers hold no events
            return e;
        }
        ShopperEvent e = later.removeFirst();
        if (later.isEmpty()) later = null;
        return e;
    }

    private void schedule(ShopperEvent refund) {
        if (later == null) later = new ArrayList<>(2);
        int at = later.size();
        while (at > 0 && later.get(at - 1).timestamp().isAfter(refund.timestamp())) at--;
        later.add(at, refund);
    }

    /** The first session start after {@code from}, by thinning a Poisson process running at the peak rate. */
    private long arrival(long from) {
        long t = from;
        while (true) {
            t += (long) Math.ceil(arrivals.exponential(peakRate));
            if (t >= end || t < from) return NONE;
            double intensity = simulation.seasons().traffic(t, market) * simulation.promotions().trafficBoost(t);
            if (arrivals.chance(intensity / peak)) return t;
        }
    }
}
