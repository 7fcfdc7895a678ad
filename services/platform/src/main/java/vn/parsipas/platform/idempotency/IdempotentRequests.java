package vn.parsipas.platform.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.retention.BatchedDelete;
import vn.parsipas.platform.time.BusinessTime;

/**
 * Every POST that takes an {@code Idempotency-Key} ({@link IdempotencyKey}): the first answer is stored
 * in the transaction of its effect (table {@code idempotent_request}); a retry with the same key and
 * body gets it back and nothing is done twice; the same key with another body is refused (422); a
 * request sent while one with the same key is still being processed is refused (409). A key is scoped
 * to its endpoint and its caller, so two callers never see each other's answers. Answers are kept for
 * {@code parsipas.idempotency.retention}.
 *
 * <p>Two ways in, one table and one set of rules: {@link #run} opens its own transaction on the
 * {@code Pool} (SQL features); {@link #runInSession} joins the caller's {@code Panache.withTransaction}
 * (entity features), as the outbox does.
 */
@ApplicationScoped
public class IdempotentRequests {
    public static final int MAX_KEY_LENGTH = 255;
    private static final int PURGE_BATCH = 10_000;
    /**
     * Takes a scoped key ($1) for the rest of the transaction, at once or not at all (column {@code taken});
     * the hash is seeded apart from the services' other advisory locks.
     */
    public static final String TAKE = "select pg_try_advisory_xact_lock(hashtextextended($1, 18)) as taken";

    @ConfigMapping(prefix = "parsipas.idempotency")
    public interface IdempotencyConfig {
        /** How long a first answer is replayed to a retry with its key. */
        @WithDefault("P7D")
        Duration retention();
    }

    /** What a request answered: its HTTP status and body, as the endpoint chose to store them. */
    public record Answer(int status, String body) {
        /** An answer whose body is the value as JSON. */
        public static Answer json(int status, Object value) {
            try {
                return new Answer(status, EventJson.mapper().writeValueAsString(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The answer as sent, for an answer whose body is JSON. */
        public Response toResponse() {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(body).build();
        }
    }

    /** A request sent with a key: the key as sent, scoped to the endpoint and caller, and the hash of the body. */
    public record Keyed(String key, String scopedKey, String requestHash) {
    }

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    IdempotencyConfig config;

    /**
     * The request under its key, or null when none was sent (it then runs once, unremembered, and its body
     * is not hashed). A key must be 1 to {@value #MAX_KEY_LENGTH} characters (else 400 naming the header);
     * {@code scope} names the endpoint and the caller, e.g. ("tasks", "nguyenvana").
     */
    public static Keyed keyed(String key, Supplier<String> requestHash, String... scope) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new InvalidInputException(IdempotencyKey.HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        return new Keyed(key, String.join("|", scope) + "|" + key, requestHash.get());
    }

    /** Runs the effect in one transaction with the key and its stored answer; a known key replays that answer instead. */
    public Uni<Answer> run(Keyed request, Function<SqlConnection, Uni<Answer>> effect) {
        if (request == null) {
            return pool.withTransaction(effect);
        }
        return pool.withTransaction(connection -> connection.preparedQuery(TAKE)
                .execute(Tuple.of(request.scopedKey()))
                .invoke(rows -> requireTaken(rows.iterator().next().getBoolean("taken"), request))
                .chain(() -> connection.preparedQuery("select request_hash, status, body from idempotent_request where scoped_key = $1")
                        .execute(Tuple.of(request.scopedKey())))
                .chain(rows -> {
                    if (rows.size() > 0) {
                        Row stored = rows.iterator().next();
                        return Uni.createFrom().item(replay(request, stored.getString("request_hash"), stored.getInteger("status"),
                                stored.getString("body")));
                    }
                    return effect.apply(connection).call(answer -> connection.preparedQuery("insert into idempotent_request "
                                    + "(scoped_key, request_hash, status, body, created_at) values ($1, $2, $3, $4, $5)")
                            .execute(Tuple.of(request.scopedKey(), request.requestHash(), answer.status(), answer.body(),
                                    BusinessTime.utc(clock.instant()))));
                }));
    }

    /** As {@link #run}, inside the caller's {@code Panache.withTransaction}. */
    public Uni<Answer> runInSession(Keyed request, Supplier<Uni<Answer>> effect) {
        if (request == null) {
            return effect.get();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(TAKE.replace("$1", "?1"), Boolean.class)
                .setParameter(1, request.scopedKey()).getSingleResult()
                .invoke(taken -> requireTaken(taken, request))
                .chain(() -> session.find(IdempotentAnswer.class, request.scopedKey()))
                .chain(stored -> {
                    if (stored != null) {
                        return Uni.createFrom().item(replay(request, stored.requestHash, stored.status, stored.body));
                    }
                    return effect.get().call(answer -> {
                        IdempotentAnswer row = new IdempotentAnswer();
                        row.scopedKey = request.scopedKey();
                        row.requestHash = request.requestHash();
                        row.status = answer.status();
                        row.body = answer.body();
                        row.createdAt = clock.instant();
                        return session.persist(row);
                    });
                }));
    }

    @Scheduled(every = "1h", delayed = "7m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledPurge() {
        return purge().replaceWithVoid();
    }

    /** Forgets the answers older than the retention; returns how many. */
    public Uni<Long> purge() {
        OffsetDateTime before = BusinessTime.utc(clock.instant().minus(config.retention()));
        return BatchedDelete.olderThan(pool, "idempotent_request", "created_at", before, PURGE_BATCH);
    }

    private static void requireTaken(Boolean taken, Keyed request) {
        if (!Boolean.TRUE.equals(taken)) {
            throw new IdempotencyKey.InUseException(request.key());
        }
    }

    private static Answer replay(Keyed request, String storedHash, int status, String body) {
        if (!request.requestHash().equals(storedHash)) {
            throw new IdempotencyKey.ReusedException(request.key());
        }
        return new Answer(status, body);
    }
}
