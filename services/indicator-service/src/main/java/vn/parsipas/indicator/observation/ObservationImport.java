package vn.parsipas.indicator.observation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.indicator.IndicatorConfig;
import vn.parsipas.platform.problem.ConflictException;
import vn.parsipas.platform.problem.InvalidInputException;

/**
 * The REST door (JSON batch or CSV upload): each item through the same rules as a Kafka record,
 * then the valid ones stored in one transaction, answered with a per-item summary. The
 * Idempotency-Key makes a retry safe: the same key and body get the first answer again; the same
 * key with another body is refused (409).
 */
@ApplicationScoped
public class ObservationImport {
    private static final Logger LOG = Logger.getLogger(ObservationImport.class);

    @Inject
    ObservationRules rules;

    @Inject
    ObservationStore store;

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    IndicatorConfig config;

    /** A request: who sends it, its key, format (rest or csv) and items, and its raw body (for the key). */
    public record Request(Submitter submitter, String idempotencyKey, boolean dryRun, String channel, byte[] body,
            List<JsonNode> items) {
        String source() {
            return submitter.source();
        }
    }

    public Uni<ImportSummary> ingest(Request request) {
        if (!request.dryRun() && (request.idempotencyKey() == null || request.idempotencyKey().isBlank()
                || request.idempotencyKey().length() > 200)) {
            throw new InvalidInputException("Idempotency-Key", "the header is required (at most 200 characters) unless dryRun=true");
        }
        if (request.items().size() > config.maxBatch()) {
            throw new InvalidInputException("observations", "at most " + config.maxBatch() + " observations per request, got "
                    + request.items().size());
        }
        List<ImportSummary.Item> results = new ArrayList<>();
        List<Observation> valid = new ArrayList<>();
        List<Integer> validIndexes = new ArrayList<>();
        for (int index = 0; index < request.items().size(); index++) {
            JsonNode item = request.items().get(index);
            try {
                valid.add(rules.fromJson(item, request.submitter(), request.channel(), request.idempotencyKey() + "#" + index));
                validIndexes.add(index);
                results.add(null);
            } catch (ObservationRejected e) {
                results.add(new ImportSummary.Item(index, text(item, "indicatorCode"), text(item, "scope"),
                        text(item, "period"), "rejected", e.field(), e.getMessage()));
            }
        }
        if (request.dryRun()) {
            return pool.withConnection(connection -> store.store(connection, valid, true))
                    .map(outcomes -> summary(true, results, valid, validIndexes, outcomes));
        }
        String hash = hash(request);
        return pool.withTransaction(connection -> claim(connection, request, hash).chain(previous -> {
            if (previous != null) {
                return Uni.createFrom().item(previous);
            }
            return store.store(connection, valid, false)
                    .map(outcomes -> summary(false, results, valid, validIndexes, outcomes))
                    .call(summary -> remember(connection, request, summary));
        })).invoke(summary -> LOG.infof("import %s from %s: %s %s", request.idempotencyKey(), request.source(),
                summary.status(), summary.importCount()));
    }

    /** Null when the key is new (now taken, inside this transaction); else the answer it already got. */
    private Uni<ImportSummary> claim(SqlConnection connection, Request request, String hash) {
        return connection.preparedQuery("insert into ingestion_request (source, idempotency_key, request_hash, summary, "
                        + "created_at) values ($1, $2, $3, '', $4) on conflict do nothing")
                .execute(Tuple.of(request.source(), request.idempotencyKey(), hash,
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)))
                .chain(inserted -> inserted.rowCount() == 1 ? Uni.createFrom().nullItem()
                        : connection.preparedQuery("select request_hash, summary from ingestion_request "
                                        + "where source = $1 and idempotency_key = $2")
                                .execute(Tuple.of(request.source(), request.idempotencyKey()))
                                .map(rows -> {
                                    var row = rows.iterator().next();
                                    if (!row.getString("request_hash").equals(hash)) {
                                        throw new ConflictException("Idempotency-Key " + request.idempotencyKey()
                                                + " was already used with another request body");
                                    }
                                    return read(row.getString("summary"));
                                }));
    }

    private Uni<Void> remember(SqlConnection connection, Request request, ImportSummary summary) {
        try {
            return connection.preparedQuery("update ingestion_request set summary = $3 where source = $1 and idempotency_key = $2")
                    .execute(Tuple.of(request.source(), request.idempotencyKey(), json.writeValueAsString(summary)))
                    .replaceWithVoid();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ImportSummary read(String summary) {
        try {
            return json.readValue(summary, ImportSummary.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ImportSummary summary(boolean dryRun, List<ImportSummary.Item> results, List<Observation> valid,
            List<Integer> indexes, List<ObservationStore.Outcome> outcomes) {
        List<ImportSummary.Item> items = new ArrayList<>(results);
        for (int i = 0; i < valid.size(); i++) {
            Observation o = valid.get(i);
            items.set(indexes.get(i), new ImportSummary.Item(indexes.get(i), o.data().indicatorCode(), o.data().scope(),
                    o.data().period(), outcomes.get(i).name().toLowerCase().replace('_', '-'), null, null));
        }
        return ImportSummary.of(dryRun, items);
    }

    private static String hash(Request request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.channel().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return HexFormat.of().formatHex(digest.digest(request.body()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
