/** Sessions, the activity graph, the feature pipeline and store, and shopper segments, all built from the event log. */
package io.aisle.features;
