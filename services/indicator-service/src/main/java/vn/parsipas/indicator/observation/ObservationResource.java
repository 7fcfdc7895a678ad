package vn.parsipas.indicator.observation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.indicator.IndicatorObserved;
import vn.parsipas.indicator.IndicatorConfig;
import vn.parsipas.platform.idempotency.IdempotencyKey;
import vn.parsipas.platform.idempotency.IdempotentRequests;
import vn.parsipas.platform.imports.ImportSummary;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.problem.Problem;
import vn.parsipas.platform.security.Caller;
import vn.parsipas.platform.security.Roles;

/**
 * POST /api/v1/observations: a batch of observations as JSON ({@code {"observations": [...]}}) or as
 * a CSV upload ({@code text/csv}) of the same fields, with an {@code Idempotency-Key} (required
 * unless {@code dryRun=true}). The source is the bearer token's: {@code /<clientId>} for a data
 * provider, {@code /agencies/<agency>} for agency staff and coordinators (docs/security).
 */
@Path("/api/v1/observations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.DATA_PROVIDER, Roles.AGENCY_STAFF, Roles.COORDINATOR })
public class ObservationResource {
    static final String KEY_RULES = "Required unless dryRun=true; the body is its bytes and format. " + IdempotencyKey.RULES;
    static final String DRY_RUN = "true: every item is checked and classified against the stored values, nothing is written, "
            + "no Idempotency-Key is needed";
    static final String SUMMARY = "The import summary: every item's outcome by its index (imported, updated, ignored-unchanged, "
            + "ignored-outdated, rejected); rejected items name the field and the reason";
    static final String REFUSED_WHOLE = "The request as a whole: not JSON or not UTF-8 CSV, no observations array, a CSV header "
            + "without a required column, more than 1000 items, no Idempotency-Key (unless dryRun=true) or one over 255 characters";

    @Inject
    ObservationImport importer;

    @Inject
    SecurityIdentity identity;

    @Inject
    Caller caller;

    @Inject
    IndicatorConfig config;

    /** The JSON body: each item is checked against the contract's IndicatorObserved schema on its own. */
    @Schema(name = "ObservationBatch")
    public record ObservationBatch(
            @Schema(required = true, maxItems = 1000, description = "at most parsipas.indicator.max-batch (1000) items, each an "
                    + "IndicatorObserved (contracts/schemas/indicator-observed.v1.schema.json); an item that is not is refused "
                    + "in the summary, the others are imported") List<IndicatorObserved> observations) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import indicator observations: a JSON batch or a CSV upload, answered item by item")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ObservationBatch.class)))
    @APIResponse(responseCode = "200", description = SUMMARY, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImportSummary.class)))
    @APIResponse(responseCode = "400", description = REFUSED_WHOLE, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "Problem")))
    public Uni<String> importJson(
            @Parameter(description = KEY_RULES, schema = @Schema(type = SchemaType.STRING, minLength = 1,
                    maxLength = IdempotentRequests.MAX_KEY_LENGTH))
            @HeaderParam("Idempotency-Key") String key,
            @Parameter(description = DRY_RUN) @QueryParam("dryRun") boolean dryRun, byte[] body) {
        Submitter submitter = submitter();
        JsonNode document;
        try {
            document = EventJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new InvalidInputException("body", "not valid JSON: " + e.getMessage());
        }
        JsonNode observations = document == null ? null : document.get("observations");
        if (observations == null || !observations.isArray()) {
            throw new InvalidInputException("observations", "the body must be an object with an 'observations' array");
        }
        List<JsonNode> items = new ArrayList<>();
        observations.forEach(items::add);
        return importer.ingest(new ObservationImport.Request(submitter, key, dryRun, Observation.REST, body, items));
    }

    @POST
    @Consumes("text/csv")
    @Operation(summary = "Import indicator observations: a JSON batch or a CSV upload, answered item by item")
    @RequestBody(required = true, content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
            description = "UTF-8 (a byte order mark is accepted); header row indicatorCode,scope,period,value,unit,observedAt"
                    + "[,sourceSystem][,note]; decimal point, no thousands separator; at most 1000 data rows")))
    @APIResponse(responseCode = "200", description = SUMMARY, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImportSummary.class)))
    @APIResponse(responseCode = "400", description = REFUSED_WHOLE, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "Problem")))
    public Uni<String> importCsv(
            @Parameter(description = KEY_RULES, schema = @Schema(type = SchemaType.STRING, minLength = 1,
                    maxLength = IdempotentRequests.MAX_KEY_LENGTH))
            @HeaderParam("Idempotency-Key") String key,
            @Parameter(description = DRY_RUN) @QueryParam("dryRun") boolean dryRun, byte[] body) {
        Submitter submitter = submitter();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("body", "the CSV file is not UTF-8");
        }
        List<JsonNode> items = CsvObservations.parse(text, config.maxBatch());
        return importer.ingest(new ObservationImport.Request(submitter, key, dryRun, Observation.CSV, body, items));
    }

    /** The submitter the token makes: a data provider first (a system), else the caller's agency. */
    private Submitter submitter() {
        if (identity.hasRole(Roles.DATA_PROVIDER)) {
            if (caller.allowedIndicators().isEmpty()) {
                throw new ForbiddenException("client " + caller.clientId() + " is registered for no indicator");
            }
            return Submitter.client(caller.clientId(), caller.allowedIndicators());
        }
        String agency = caller.agency();
        if (agency == null) {
            throw new ForbiddenException("the token names no agency");
        }
        return identity.hasRole(Roles.COORDINATOR) ? Submitter.coordinator(agency) : Submitter.agencyStaff(agency);
    }
}
