package vn.parsipas.survey.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.platform.idempotency.IdempotencyKey;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.time.BusinessTime;
import vn.parsipas.survey.Sha256;

/**
 * {@code Idempotency-Key} on the ingesting POSTs: the first successful answer to a key is stored
 * in the same transaction as the effect, and a retry with the same key and body gets it back
 * unchanged. The same key with another body is refused (422); a request sent while one with the same
 * key is still being processed is refused (409), as the IETF Idempotency-Key draft has it. Records
 * are kept for a day.
 */
@ApplicationScoped
public class IdempotentRequests {
    /** The header's rules, as the OpenAPI document states them. */
    public static final String RULES = "Optional, 1 to 255 characters, scoped to the endpoint and the client: the same key with the "
            + "same JSON body answers the first successful answer again, with its status, and stores nothing twice; the same key "
            + "with another body is refused (422); while a request with the key is still being processed, another is refused "
            + "(409: retry it). Only successful answers are kept, for one day.";
    static final Duration RETENTION = Duration.ofDays(1);

    @Inject
    ObjectMapper mapper;

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    /** An answer to store and replay: HTTP status and JSON body. */
    public record Result(int status, Object body) {
    }

    public Result result(int status, Object body) {
        return new Result(status, body);
    }

    /** Runs the effect in one transaction with the key's record; replays the stored answer for a known key. */
    public Uni<Response> run(String endpoint, String key, Object request, Function<SqlConnection, Uni<Result>> effect) {
        if (key == null) {
            return pool.withTransaction(effect).map(result -> respond(result.status(), json(result.body())));
        }
        if (key.isBlank() || key.length() > 255) {
            throw new InvalidInputException(IdempotencyKey.HEADER, "must be 1 to 255 characters");
        }
        String hash = Sha256.hex(json(request));
        return pool.withTransaction(connection -> connection.preparedQuery(IdempotencyKey.takeSql("$1"))
                .execute(Tuple.of(IdempotencyKey.scoped(key, endpoint)))
                .invoke(taken -> {
                    if (!taken.iterator().next().getBoolean("taken")) {
                        throw new IdempotencyKey.InUseException(key);
                    }
                })
                .chain(() -> connection.preparedQuery("select request_hash, status, body from idempotency_record"
                        + " where endpoint = $1 and request_key = $2").execute(Tuple.of(endpoint, key)))
                .chain(rows -> {
                    if (rows.size() > 0) {
                        Row stored = rows.iterator().next();
                        if (!hash.equals(stored.getString("request_hash"))) {
                            throw new IdempotencyKey.ReusedException(key);
                        }
                        return Uni.createFrom().item(respond(stored.getInteger("status"), stored.getString("body")));
                    }
                    return effect.apply(connection).chain(result -> {
                        String body = json(result.body());
                        return connection.preparedQuery("insert into idempotency_record (endpoint, request_key, request_hash, status,"
                                        + " body, created_at) values ($1, $2, $3, $4, $5, $6) on conflict do nothing")
                                .execute(Tuple.of(endpoint, key, hash, result.status(), body, BusinessTime.utc(clock.instant())))
                                .replaceWith(respond(result.status(), body));
                    });
                }));
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> forgetOldRecords() {
        return pool.preparedQuery("delete from idempotency_record where created_at < $1")
                .execute(Tuple.of(BusinessTime.utc(clock.instant().minus(RETENTION)))).replaceWithVoid();
    }

    private static Response respond(int status, String body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(body).build();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
