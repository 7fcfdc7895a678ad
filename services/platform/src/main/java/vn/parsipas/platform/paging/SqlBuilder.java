package vn.parsipas.platform.paging;

import java.util.ArrayList;
import java.util.List;

import io.vertx.mutiny.sqlclient.Tuple;

/** A SQL statement built clause by clause with numbered parameters ($1, $2, ...). */
public final class SqlBuilder {
    private final StringBuilder sql;
    private final List<Object> parameters = new ArrayList<>();

    public SqlBuilder(String start) {
        sql = new StringBuilder(start);
    }

    /** Appends a clause; each {@code ?} in it becomes the next numbered parameter. */
    public SqlBuilder append(String clause, Object... values) {
        int next = 0;
        for (char c : clause.toCharArray()) {
            if (c == '?') {
                parameters.add(values[next++]);
                sql.append('$').append(parameters.size());
            } else {
                sql.append(c);
            }
        }
        return this;
    }

    /**
     * Appends a clause with one {@code ?}, unless the value is null or blank text: a filter left out
     * ({@code ?scope=} included) does not restrict.
     */
    public SqlBuilder appendIfPresent(String clause, Object value) {
        return value == null || value instanceof String text && text.isBlank() ? this : append(clause, value);
    }

    public String sql() {
        return sql.toString();
    }

    public Tuple tuple() {
        return Tuple.from(parameters);
    }
}
