/** Vectors for items (content and behaviour) and shoppers (long-term and session), stored and versioned. */
package io.aisle.embeddings;
