package vn.parsipas.survey;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.StringJoiner;

import org.hibernate.reactive.mutiny.Mutiny;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import vn.parsipas.contracts.EventJson;

/**
 * Native SQL in the current Hibernate Reactive session, so it joins the caller's transaction
 * (and the outbox and inbox rows written in it). Parameters are positional: ?1, ?2, ...
 */
public final class Db {
    private Db() {
    }

    public static Uni<Integer> execute(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> {
            Mutiny.Query<Object> query = session.createNativeQuery(sql);
            bind(query, parameters);
            return query.executeUpdate();
        });
    }

    /** Every row as an array of its columns (a single column too). */
    public static Uni<List<Object[]>> rows(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> {
            Mutiny.Query<Object> query = session.createNativeQuery(sql);
            bind(query, parameters);
            return query.getResultList();
        }).map(rows -> rows.stream().map(row -> row instanceof Object[] columns ? columns : new Object[] {row}).toList());
    }

    private static void bind(Mutiny.Query<?> query, Object[] parameters) {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i] instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : parameters[i];
            query.setParameter(i + 1, value);
        }
    }

    /** "?1, ?2, ?3" for an IN list. */
    public static String placeholders(int count) {
        StringJoiner all = new StringJoiner(", ");
        for (int i = 1; i <= count; i++) {
            all.add("?" + i);
        }
        return all.toString();
    }

    /** "(cast(?1 as text), cast(?2 as int)), ..." for a multi-row VALUES list starting at parameter 1. */
    public static String valuesList(int rows, String... columnTypes) {
        StringJoiner all = new StringJoiner(", ");
        int parameter = 1;
        for (int row = 0; row < rows; row++) {
            StringJoiner one = new StringJoiner(", ", "(", ")");
            for (String type : columnTypes) {
                // A JSON document travels as text: a parameter typed jsonb would encode a Java string as a JSON string.
                String value = "jsonb".equals(type) ? "cast(?" + parameter++ + " as text)" : "?" + parameter++;
                one.add("cast(" + value + " as " + type + ")");
            }
            all.add(one.toString());
        }
        return all.toString();
    }

    /** Rows as one JSON parameter, for {@code jsonb_to_recordset(cast(cast(?n as text) as jsonb))}: one placeholder, not one per value. */
    public static String json(Object rows) {
        try {
            return EventJson.mapper().writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("not a timestamp: " + value.getClass());
    }

    public static long number(Object value) {
        return ((Number) value).longValue();
    }
}
