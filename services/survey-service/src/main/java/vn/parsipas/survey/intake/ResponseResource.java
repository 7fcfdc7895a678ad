package vn.parsipas.survey.intake;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import vn.parsipas.contracts.sipas.SurveyResponseSubmitted;
import vn.parsipas.platform.idempotency.IdempotencyKey;
import vn.parsipas.platform.idempotency.IdempotentRequests.Answer;
import vn.parsipas.platform.idempotency.IdempotentRequests;
import vn.parsipas.platform.imports.ImportSummary;
import vn.parsipas.platform.problem.ConflictException;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.problem.Problem;
import vn.parsipas.platform.security.Caller;
import vn.parsipas.platform.security.Roles;
import vn.parsipas.platform.text.Sha256;
import vn.parsipas.survey.SurveyConfig;

/**
 * Survey platforms and kiosks submit SurveyResponseSubmitted documents, one or a bounded batch.
 * Only data providers, only for the questionnaires their client is registered for; the stored
 * source is their client id, never something the body says. Without the receipt code and its PIN,
 * a response is accepted only for the agencies the client is bound to, within its daily quota.
 */
@Path("/api/v1/responses")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.DATA_PROVIDER)
public class ResponseResource {
    private static final String JSON = MediaType.APPLICATION_JSON;
    private static final String ITEM = "ImportItem";
    @Inject
    ResponseIntake intake;

    @Inject
    Caller caller;

    @Inject
    IdempotentRequests idempotent;

    @Inject
    SurveyConfig config;

    @Inject
    JsonWebToken token;

    /** The batch body; each response is checked on its own, against the contract's schema first. */
    public record ResponseBatch(@Schema(required = true, minItems = 1, maxItems = 500, description = "at most "
            + "parsipas.survey.max-response-batch (500) SurveyResponseSubmitted documents; one that is invalid is refused in the "
            + "summary, the others are stored") List<SurveyResponseSubmitted> responses) {
    }

    /** 201 accepted, 200 duplicate (nothing changed), 400 rejected, 409 receipt code already used (or the key in use). */
    @POST
    @Operation(summary = "Submit one survey response")
    @RequestBody(required = true, content = @Content(mediaType = JSON, schema = @Schema(implementation = SurveyResponseSubmitted.class)))
    @APIResponse(responseCode = "201", description = "Accepted: stored and counted",
            content = @Content(mediaType = JSON, schema = @Schema(ref = ITEM)))
    @APIResponse(responseCode = "200", description = "Duplicate: a response with this responseId was already accepted, nothing changed",
            content = @Content(mediaType = JSON, schema = @Schema(ref = ITEM)))
    @APIResponse(responseCode = "400", description = "Rejected: the problem's errors name every offending field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", description = "A questionnaire the client is not registered for",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "The receipt code already has a response (one response per dossier); or "
            + IdempotencyKey.IN_USE, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Uni<Response> submit(JsonNode document,
            @Parameter(description = "Optional, " + IdempotencyKey.RULES, schema = @Schema(type = SchemaType.STRING, minLength = 1,
                    maxLength = IdempotentRequests.MAX_KEY_LENGTH))
            @HeaderParam(IdempotencyKey.HEADER) String key) {
        requireQuestionnaire(document);
        Submission submission = Submission.read(document);
        Admission admission = admission();
        return idempotent.run(IdempotentRequests.keyed(key, () -> Sha256.ofJson(document), "responses", caller.clientId()),
                connection -> intake.submit(connection, List.of(submission), ResponseIntake.Door.REST, admission)
                .map(outcomes -> {
                    Outcome outcome = outcomes.get(0);
                    return switch (outcome.status()) {
                        case ACCEPTED -> Answer.json(201, outcome.item());
                        case DUPLICATE -> Answer.json(200, outcome.item());
                        case REJECTED -> throw new InvalidInputException(outcome.errors());
                        case CONFLICT -> throw new ConflictException(outcome.errors().get(0).message());
                    };
                })).map(Answer::toResponse);
    }

    /** 200 with the import summary, an item per response in order; one bad response does not refuse the others. */
    @POST
    @Path("/batch")
    @Operation(summary = "Submit a batch of survey responses, answered response by response")
    @RequestBody(required = true, content = @Content(mediaType = JSON, schema = @Schema(implementation = ResponseBatch.class)))
    @APIResponse(responseCode = "200", description = "The import summary: an item per response (accepted, duplicate, rejected, "
            + "conflict), identified by its responseId", content = @Content(mediaType = JSON,
            schema = @Schema(implementation = ImportSummary.class)))
    @APIResponse(responseCode = "400", description = "No responses array, an empty one or more than 500 responses",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", description = "A questionnaire the client is not registered for (the whole batch)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Uni<Response> submitBatch(JsonNode batch,
            @Parameter(description = "Optional, " + IdempotencyKey.RULES, schema = @Schema(type = SchemaType.STRING, minLength = 1,
                    maxLength = IdempotentRequests.MAX_KEY_LENGTH))
            @HeaderParam(IdempotencyKey.HEADER) String key) {
        JsonNode responses = batch == null ? null : batch.get("responses");
        if (responses == null || !responses.isArray() || responses.isEmpty()) {
            throw new InvalidInputException("responses", "must be a non-empty array of responses");
        }
        if (responses.size() > config.maxResponseBatch()) {
            throw new InvalidInputException("responses", "at most " + config.maxResponseBatch() + " responses per batch");
        }
        responses.forEach(this::requireQuestionnaire);
        List<Submission> submissions = new ArrayList<>();
        responses.forEach(document -> submissions.add(Submission.read(document)));
        Admission admission = admission();
        return idempotent.run(IdempotentRequests.keyed(key, () -> Sha256.ofJson(batch), "responses-batch", caller.clientId()),
                connection -> intake.submit(connection, submissions, ResponseIntake.Door.REST, admission)
                .map(outcomes -> Answer.json(200, ImportSummary.of(false, Outcome.NAMES,
                        outcomes.stream().map(Outcome::item).toList())))).map(Answer::toResponse);
    }

    /**
     * 403 for a questionnaire the client is not registered for (in a batch: the whole batch, as
     * it is a misconfigured client, not a bad response). A document without a questionnaire id is
     * left to the contract check, which rejects it per response.
     */
    private void requireQuestionnaire(JsonNode document) {
        JsonNode id = document == null ? null : document.get("questionnaireId");
        if (id != null && id.isTextual() && !caller.allowedQuestionnaires().contains(id.asText())) {
            throw new ForbiddenException("client " + caller.clientId() + " may not submit questionnaire " + id.asText());
        }
    }

    /** The source is the client id; what it may send without a receipt PIN, its token's survey claims. */
    private Admission admission() {
        return Admission.of(token, "/" + caller.clientId(), config.sources().dailyQuotaWithoutPin());
    }
}
