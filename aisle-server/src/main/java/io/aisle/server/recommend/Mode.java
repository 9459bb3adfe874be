package io.aisle.server.recommend;

/** How a list is computed on a cache miss: from precomputed lists where they exist, or from live state only. */
public enum Mode { PRECOMPUTED, REALTIME }
