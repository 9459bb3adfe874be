/**
 * Two-tower retrieval: an item tower over ids and content (attributes, dense vectors) and a shopper tower over the
 * recent history, trained on PyTorch with an in-batch sampled softmax (logQ-corrected, temperature-scaled).
 * Id dropout in training lets content alone place new items; an HNSW index answers nearest-item queries.
 */
package io.aisle.recommend.neural.twotower;
