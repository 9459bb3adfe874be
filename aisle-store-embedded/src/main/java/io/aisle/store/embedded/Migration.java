package io.aisle.store.embedded;

import java.util.List;

/** One numbered step of a database schema; applied once, in order, inside a transaction. */
record Migration(int version, String description, List<String> statements) {
    Migration {
        if (version < 1) throw new IllegalArgumentException("migration versions start at 1");
        statements = List.copyOf(statements);
    }

    static Migration of(int version, String description, String... statements) {
        return new Migration(version, description, List.of(statements));
    }
}
