package vn.parsipas.survey.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.SqlConnection;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.sipas.SurveyResponseSubmitted;
import vn.parsipas.platform.events.BatchEventConsumer;
import vn.parsipas.platform.events.InvalidEventException;
import vn.parsipas.platform.events.ReceivedEvent;
import vn.parsipas.survey.SurveyConfig;
import vn.parsipas.survey.intake.Outcome.Status;

/**
 * The Kafka door: SurveyResponseSubmitted on sipas.responses.v1, a poll at a time through the same
 * intake as the REST batch (one transaction, a handful of statements per source); a refused
 * response goes to the DLQ with its reason, the others of its poll are stored.
 */
@ApplicationScoped
public class ResponseConsumer implements BatchEventConsumer.RefusingHandler<ResponseConsumer.Delivered> {
    /** A response and the source that sent it. */
    public record Delivered(String source, SurveyResponseSubmitted response) {
    }

    @Inject
    BatchEventConsumer events;

    @Inject
    ResponseIntake intake;

    @Inject
    SurveyConfig config;

    @Incoming("responses")
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return events.consume(batch, "survey-responses", Set.of(EventType.SURVEY_RESPONSE_SUBMITTED), this);
    }

    @Override
    public Delivered check(ReceivedEvent event) {
        return new Delivered(event.source(), event.data(SurveyResponseSubmitted.class));
    }

    /** Each source's responses in one intake call (what a source may send depends on it), sources in a fixed order so locks are taken in it. */
    @Override
    public Uni<Map<Integer, InvalidEventException>> apply(SqlConnection connection, List<Delivered> items) {
        Map<String, List<Integer>> positionsBySource = new TreeMap<>();
        for (int i = 0; i < items.size(); i++) {
            positionsBySource.computeIfAbsent(items.get(i).source(), source -> new ArrayList<>()).add(i);
        }
        Map<Integer, InvalidEventException> refused = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<Integer>> source : positionsBySource.entrySet()) {
            List<Integer> positions = source.getValue();
            List<Submission> submissions = positions.stream().map(i -> Submission.of(items.get(i).response())).toList();
            chain = chain.chain(() -> intake.submit(connection, submissions, ResponseIntake.Door.KAFKA, admission(source.getKey()))
                    .invoke(outcomes -> outcomes.stream()
                            .filter(outcome -> outcome.status() == Status.REJECTED || outcome.status() == Status.CONFLICT)
                            .forEach(outcome -> refused.put(positions.get(outcome.index()), new InvalidEventException(outcome.reason()))))
                    .replaceWithVoid());
        }
        return chain.replaceWith(refused);
    }

    /**
     * A record carries no token: the producer is trusted for its topic (ACLs), and a source listed in
     * {@code parsipas.survey.sources.kafka-without-pin} (a survey platform) may send without a receipt PIN.
     */
    private Admission admission(String source) {
        SurveyConfig.Sources sources = config.sources();
        return sources.kafkaWithoutPin().orElse(Set.of()).contains(source) ? Admission.anyAgency(source, sources.dailyQuotaWithoutPin())
                : Admission.proofOnly(source);
    }
}
