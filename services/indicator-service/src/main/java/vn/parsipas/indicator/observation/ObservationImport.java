package vn.parsipas.indicator.observation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import vn.parsipas.indicator.IndicatorConfig;
import vn.parsipas.platform.idempotency.IdempotencyKey;
import vn.parsipas.platform.idempotency.IdempotentRequests.Answer;
import vn.parsipas.platform.idempotency.IdempotentRequests;
import vn.parsipas.platform.imports.ImportSummary;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.problem.Problem.FieldError;
import vn.parsipas.platform.text.Sha256;

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
    IdempotentRequests idempotent;

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
        if (!request.dryRun() && request.idempotencyKey() == null) {
            throw new InvalidInputException(IdempotencyKey.HEADER, "the header is required unless dryRun=true");
        }
        IdempotentRequests.Keyed keyed = request.dryRun() ? null : IdempotentRequests.keyed(request.idempotencyKey(),
                () -> Sha256.hex(request.channel().getBytes(StandardCharsets.UTF_8), request.body()), "observations", request.source());
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
        return idempotent.run(keyed, connection -> store.store(connection, valid, false)
                        .map(outcomes -> summary(false, results, valid, validIndexes, outcomes))
                        .invoke(summary -> LOG.infof("import %s from %s: %s %s", request.idempotencyKey(), request.source(),
                                summary.status(), summary.counts()))
                        .map(summary -> new Answer(200, write(summary))))
                .map(Answer::body);
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

    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
