package io.aisle.core.event;

import java.time.Instant;

/** An event as stored in the log: its offset (position, strictly increasing) and when it was received. */
public record LoggedEvent(long offset, Instant receivedAt, ShopperEvent event) {}
