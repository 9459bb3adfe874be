/** Item behaviour vectors: implicit-feedback ALS trained on the event log, fold-in, retrain and evaluation. */
package io.aisle.embeddings.behaviour;
