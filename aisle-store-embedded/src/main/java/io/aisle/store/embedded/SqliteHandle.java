package io.aisle.store.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** One SQLite connection with its prepared statements cached; used by one thread at a time. */
final class SqliteHandle implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    SqliteHandle(Connection connection) { this.connection = connection; }

    /**
     * A cached prepared statement. Callers bind every parameter on each use; not clearing old bindings saves a
     * native call per row on the event log's hot path.
     */
    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    void exec(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    Connection connection() { return connection; }

    @Override public void close() throws SQLException {
        for (PreparedStatement ps : statements.values()) ps.close();
        statements.clear();
        connection.close();
    }
}
