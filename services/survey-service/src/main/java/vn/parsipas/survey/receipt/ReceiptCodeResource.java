package vn.parsipas.survey.receipt;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.idempotency.IdempotencyKey;
import vn.parsipas.platform.idempotency.IdempotentRequests.Answer;
import vn.parsipas.platform.idempotency.IdempotentRequests;
import vn.parsipas.platform.imports.ImportSummary;
import vn.parsipas.platform.problem.Problem;
import vn.parsipas.platform.security.Caller;
import vn.parsipas.platform.security.Roles;
import vn.parsipas.platform.text.Sha256;
import vn.parsipas.survey.SurveyConfig;

/**
 * The one-stop-shop system registers the receipt codes of returned dossiers, each with the random
 * PIN printed beside it on the receipt: a data provider whose client id is one of
 * {@code parsipas.survey.receipt-registrars}, since a code and its PIN admit an anonymous response.
 */
@Path("/api/v1/receipt-codes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.DATA_PROVIDER)
public class ReceiptCodeResource {
    @Inject
    Caller caller;

    @Inject
    SurveyConfig config;

    @Inject
    ReceiptCodes receiptCodes;

    @Inject
    IdempotentRequests idempotent;

    public record RegistrationBatch(@NotNull @NotEmpty List<@NotNull @Valid Registration> receiptCodes) {
    }

    public record Registration(
            @NotNull @Pattern(regexp = "^[A-Za-z0-9./-]{4,64}$", message = "4 to 64 letters, digits, '.', '/' or '-'") String receiptCode,
            @NotNull @Pattern(regexp = "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$", message = "an agency code such as SO-TU-PHAP") @Size(max = 64) String agencyCode,
            @Size(max = 64) String procedureCode,
            @Pattern(regexp = "^(counter|online|postal)$", message = "counter, online or postal") String channel,
            @Pattern(regexp = "^[0-9]{6,10}$", message = "6 to 10 digits, drawn at random for each receipt") String pin) {
    }

    /** 200 with the import summary, an item per code: registered, unchanged (already registered alike), rejected or conflict. */
    @POST
    @Operation(summary = "Register the receipt codes of returned dossiers, each with the PIN printed beside it")
    @APIResponse(responseCode = "200", description = "The import summary: an item per code (registered, unchanged, rejected, "
            + "conflict), identified by its receiptCode", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImportSummary.class)))
    @APIResponse(responseCode = "403", description = "A client that is not one of parsipas.survey.receipt-registrars",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Uni<Response> register(@Valid @NotNull RegistrationBatch batch,
            @Parameter(description = "Optional, " + IdempotencyKey.RULES, schema = @Schema(type = SchemaType.STRING, minLength = 1,
                    maxLength = IdempotentRequests.MAX_KEY_LENGTH))
            @HeaderParam(IdempotencyKey.HEADER) String key) {
        if (!config.receiptRegistrars().contains(caller.clientId())) {
            throw new ForbiddenException("client " + caller.clientId() + " may not register receipt codes");
        }
        return idempotent.run(IdempotentRequests.keyed(key, () -> Sha256.ofJson(batch), "receipt-codes", caller.clientId()),
                connection -> receiptCodes.register(connection, batch.receiptCodes())
                        .map(items -> Answer.json(200, ImportSummary.of(false, ReceiptCodes.OUTCOMES, items)))).map(Answer::toResponse);
    }
}
