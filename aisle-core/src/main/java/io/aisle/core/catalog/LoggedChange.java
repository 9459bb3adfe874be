package io.aisle.core.catalog;

import java.time.Instant;

/** A catalogue change with its position in the change log, so derived indexes can follow it. */
public record LoggedChange(long offset, Instant at, CatalogChange change) {}
