package vn.parsipas.survey.intake;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.sipas.SurveyResponseSubmitted;
import vn.parsipas.platform.events.EventConsumer;
import vn.parsipas.platform.events.InvalidEventException;
import vn.parsipas.platform.events.ReceivedEvent;
import vn.parsipas.survey.SurveyConfig;
import vn.parsipas.survey.intake.Outcome.Status;

/** The Kafka door: SurveyResponseSubmitted on sipas.responses.v1; a refused response goes to the DLQ with its reason. */
@ApplicationScoped
public class ResponseConsumer {
    @Inject
    EventConsumer events;

    @Inject
    ResponseIntake intake;

    @Inject
    SurveyConfig config;

    @Incoming("responses")
    public Uni<Void> consume(Message<byte[]> message) {
        return events.consume(message, "survey-responses", Set.of(EventType.SURVEY_RESPONSE_SUBMITTED), this::apply);
    }

    private Uni<Void> apply(ReceivedEvent event) {
        return intake.submit(List.of(Submission.of(event.data(SurveyResponseSubmitted.class))), ResponseIntake.Door.KAFKA,
                        admission(event.source()))
                .invoke(outcomes -> {
                    Outcome outcome = outcomes.get(0);
                    if (outcome.status() == Status.REJECTED || outcome.status() == Status.CONFLICT) {
                        throw new InvalidEventException(outcome.reason());
                    }
                })
                .replaceWithVoid();
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
