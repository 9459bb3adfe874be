/**
 * The activity graph: decayed, signal-weighted edges between shoppers, items, queries and categories, built from the
 * event log. See the module README, section "Activity graph".
 */
package io.aisle.features.graph;
