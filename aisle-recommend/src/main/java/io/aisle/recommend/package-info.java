/**
 * Recommendations: candidate generators over interaction sequences (popularity, item-kNN, EASE, transitions,
 * SASRec, two-tower), a learned ranker over their candidates, business rules and online experiments.
 */
package io.aisle.recommend;
