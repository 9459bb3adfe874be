/** Shopper vectors (long-term and session) kept current by a projection over the event log. */
package io.aisle.embeddings.shopper;
