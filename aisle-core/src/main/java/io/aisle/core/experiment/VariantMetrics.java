package io.aisle.core.experiment;

/**
 * What the shoppers assigned to one variant did after the experiment started, counted from the event log.
 *
 * @param sessions          sessions of assigned shoppers with any event in the experiment's window
 * @param impressions       {@code view_item_list} events (lists shown)
 * @param clicks            {@code select_item} events
 * @param cartSessions      sessions with at least one {@code add_to_cart}
 * @param revenue           sum of {@code purchase} values
 * @param ctr               clicks / impressions (Wilson interval)
 * @param addToCartRate     cartSessions / sessions (Wilson interval)
 * @param revenuePerSession revenue / sessions (Student t interval over per-session revenue)
 */
public record VariantMetrics(String variant, boolean control, long sessions, long impressions, long clicks,
                             long cartSessions, double revenue, Metric ctr, Metric addToCartRate,
                             Metric revenuePerSession) {}
