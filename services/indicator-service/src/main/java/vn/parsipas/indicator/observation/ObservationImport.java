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
import vn.parsipas.platform.idempotency.IdempotencyKey;
import vn.parsipas.platform.imports.ImportSummary;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.problem.Problem.FieldError;

/**
 * The REST door (JSON batch or CSV upload): each item through the same rules as a Kafka record,
 * then the valid ones stored in one transaction, answered with a per-item summary. The
 * Idempotency-Key makes a retry safe: the same key and body get the first answer again, as it was
 * written; the same key with another body is refused (422), and while a request with the key is still
 * being processed another one is refused (409), as the IETF Idempotency-Key draft has it.
 */
@ApplicationScoped
public class ObservationImport {
    private static final Logger LOG = Logger.getLogger(ObservationImport.class);
    static final String REJECTED = "rejected";
    /** Every outcome of an item, in the order the summary counts them. */
    static final List<String> OUTCOMES = List.of("imported", "updated", "ignored-unchanged", "ignored-outdated", REJECTED);

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

    /** The import summary as JSON: a replayed answer is the stored text itself. */
    public Uni<String> ingest(Request request) {
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
                results.add(ImportSummary.Item.refused(index, REJECTED, List.of(new FieldError(e.field(), e.getMessage())),
                        identity(text(item, "indicatorCode"), text(item, "scope"), text(item, "period"))));
            }
        }
        if (request.dryRun()) {
            return pool.withConnection(connection -> store.store(connection, valid, true))
                    .map(outcomes -> write(summary(true, results, valid, validIndexes, outcomes)));
        }
        String hash = hash(request);
        return pool.withTransaction(connection -> claim(connection, request, hash).chain(previous -> {
            if (previous != null) {
                return Uni.createFrom().item(previous);
            }
            return store.store(connection, valid, false)
                    .map(outcomes -> summary(false, results, valid, validIndexes, outcomes))
                    .invoke(summary -> LOG.infof("import %s from %s: %s %s", request.idempotencyKey(), request.source(),
                            summary.status(), summary.counts()))
                    .map(this::write)
                    .call(summary -> remember(connection, request, summary));
        }));
    }

    /**
     * Null when the key is new (now taken, inside this transaction); else the answer it already got. A
     * request with the same key still being processed (its transaction open) is not waited for: 409.
     */
    private Uni<String> claim(SqlConnection connection, Request request, String hash) {
        return connection.preparedQuery(IdempotencyKey.takeSql("$1"))
                .execute(Tuple.of(IdempotencyKey.scoped(request.idempotencyKey(), "observations", request.source())))
                .invoke(rows -> {
                    if (!rows.iterator().next().getBoolean("taken")) {
                        throw new IdempotencyKey.InUseException(request.idempotencyKey());
                    }
                })
                .chain(() -> connection.preparedQuery("insert into ingestion_request (source, idempotency_key, request_hash, "
                                + "summary, created_at) values ($1, $2, $3, '', $4) on conflict do nothing")
                        .execute(Tuple.of(request.source(), request.idempotencyKey(), hash,
                                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))))
                .chain(inserted -> inserted.rowCount() == 1 ? Uni.createFrom().nullItem()
                        : connection.preparedQuery("select request_hash, summary from ingestion_request "
                                        + "where source = $1 and idempotency_key = $2")
                                .execute(Tuple.of(request.source(), request.idempotencyKey()))
                                .map(rows -> {
                                    var row = rows.iterator().next();
                                    if (!row.getString("request_hash").equals(hash)) {
                                        throw new IdempotencyKey.ReusedException(request.idempotencyKey());
                                    }
                                    return row.getString("summary");
                                }));
    }

    private Uni<Void> remember(SqlConnection connection, Request request, String summary) {
        return connection.preparedQuery("update ingestion_request set summary = $3 where source = $1 and idempotency_key = $2")
                .execute(Tuple.of(request.source(), request.idempotencyKey(), summary))
                .replaceWithVoid();
    }

    private String write(ImportSummary summary) {
        try {
            return json.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ImportSummary summary(boolean dryRun, List<ImportSummary.Item> results, List<Observation> valid,
            List<Integer> indexes, List<ObservationStore.Outcome> outcomes) {
        List<ImportSummary.Item> items = new ArrayList<>(results);
        for (int i = 0; i < valid.size(); i++) {
            Observation o = valid.get(i);
            items.set(indexes.get(i), ImportSummary.Item.of(indexes.get(i), outcomes.get(i).name().toLowerCase().replace('_', '-'),
                    identity(o.data().indicatorCode(), o.data().scope(), o.data().period())));
        }
        return ImportSummary.of(dryRun, OUTCOMES, items);
    }

    /** What identifies an observation to its sender: the series and the period, as sent. */
    private static String[] identity(String indicatorCode, String scope, String period) {
        return new String[] { "indicatorCode", indicatorCode, "scope", scope, "period", period };
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
