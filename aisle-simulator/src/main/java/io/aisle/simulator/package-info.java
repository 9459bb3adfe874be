/**
 * Synthetic data for demos, tests and benchmarks: a deterministic product catalogue ({@link
 * io.aisle.simulator.CatalogGenerator}) and deterministic shoppers browsing it ({@link
 * io.aisle.simulator.ShopperSimulator}), with their hidden tastes exposed as ground truth.
 */
package io.aisle.simulator;
