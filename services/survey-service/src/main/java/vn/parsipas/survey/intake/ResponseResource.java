package vn.parsipas.survey.intake;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.problem.ConflictException;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.survey.SurveyConfig;
import vn.parsipas.survey.idempotency.IdempotentRequests;
import vn.parsipas.survey.intake.Outcome.Status;

/** Survey platforms and kiosks submit SurveyResponseSubmitted documents, one or a bounded batch. */
@Path("/api/v1/responses")
public class ResponseResource {
    @Inject
    ResponseIntake intake;

    @Inject
    IdempotentRequests idempotent;

    @Inject
    SurveyConfig config;

    public record BatchResult(Map<Status, Long> counts, List<Outcome> results) {
    }

    /** 201 accepted, 200 duplicate (nothing changed), 400 rejected, 409 receipt code already used. */
    @POST
    public Uni<Response> submit(JsonNode document, @HeaderParam(IdempotentRequests.HEADER) String key) {
        Submission submission = Submission.read(document);
        return idempotent.run("responses", key, document, () -> intake.submit(List.of(submission), ResponseIntake.Door.REST)
                .map(outcomes -> {
                    Outcome outcome = outcomes.get(0);
                    return switch (outcome.status()) {
                        case ACCEPTED -> idempotent.result(201, outcome);
                        case DUPLICATE -> idempotent.result(200, outcome);
                        case REJECTED -> throw new InvalidInputException(outcome.errors());
                        case CONFLICT -> throw new ConflictException(outcome.errors().get(0).message());
                    };
                }));
    }

    /** 200 with an outcome per response, in order; one bad response does not refuse the others. */
    @POST
    @Path("/batch")
    public Uni<Response> submitBatch(JsonNode batch, @HeaderParam(IdempotentRequests.HEADER) String key) {
        JsonNode responses = batch == null ? null : batch.get("responses");
        if (responses == null || !responses.isArray() || responses.isEmpty()) {
            throw new InvalidInputException("responses", "must be a non-empty array of responses");
        }
        if (responses.size() > config.maxResponseBatch()) {
            throw new InvalidInputException("responses", "at most " + config.maxResponseBatch() + " responses per batch");
        }
        List<Submission> submissions = new java.util.ArrayList<>();
        responses.forEach(document -> submissions.add(Submission.read(document)));
        return idempotent.run("responses-batch", key, batch, () -> intake.submit(submissions, ResponseIntake.Door.REST)
                .map(outcomes -> idempotent.result(200, new BatchResult(outcomes.stream()
                        .collect(Collectors.groupingBy(Outcome::status, () -> new java.util.EnumMap<>(Status.class), Collectors.counting())),
                        outcomes))));
    }
}
