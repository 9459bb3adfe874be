/**
 * SASRec: a causal self-attention model of the next item in a shopper's history, trained on CPU with DJL over
 * PyTorch. Entry points: {@link io.aisle.recommend.neural.sasrec.SasRecTrainer} (train, optionally with
 * {@link io.aisle.recommend.neural.sasrec.SasRecValidation} to pick the epoch) and
 * {@link io.aisle.recommend.neural.sasrec.SasRecModel} (score, save, load).
 */
package io.aisle.recommend.neural.sasrec;
