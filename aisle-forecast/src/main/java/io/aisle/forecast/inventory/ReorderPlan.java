package io.aisle.forecast.inventory;

/**
 * When and how much to order for one series.
 *
 * @param reorderPoint     order when the inventory position falls to this (demand over the lead time at the service level)
 * @param orderQuantity    how much to order then (economic order quantity, at least one review period of demand)
 * @param safetyStock      reorder point less the mean lead-time demand
 * @param meanLeadDemand   mean demand over the lead time
 * @param orderNow         units to order now given the inventory position (0 when above the reorder point)
 */
public record ReorderPlan(double reorderPoint, double orderQuantity, double safetyStock, double meanLeadDemand, double orderNow) {}
