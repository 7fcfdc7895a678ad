package vn.parsipas.notification.silence;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.security.Caller;
import vn.parsipas.platform.security.Roles;

/**
 * Silences: mute a fingerprint pattern and/or an agency for a time window, with a reason.
 * Coordinators only (a silence also mutes escalation, the coordinator's tool); the author is the token's user.
 */
@Path("/api/v1/silences")
@RolesAllowed(Roles.COORDINATOR)
public class SilenceResource {
    public record NewSilence(
            @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9._:|*?-]+") String fingerprintPattern,
            @Pattern(regexp = "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$") String agencyCode,
            Instant startsAt,
            @NotNull Instant endsAt,
            @NotBlank @Size(max = 1000) String reason) {
    }

    @Schema(name = "Silence", requiredProperties = { "id", "startsAt", "endsAt", "reason", "createdBy", "createdAt", "mutedCount" })
    public record SilenceView(String id, String fingerprintPattern, String agencyCode, Instant startsAt, Instant endsAt,
            String reason, String createdBy, Instant createdAt, int mutedCount) {
        static SilenceView of(Silence s) {
            return new SilenceView(s.id, s.fingerprintPattern, s.agencyCode, s.startsAt, s.endsAt, s.reason, s.createdBy,
                    s.createdAt, s.mutedCount);
        }
    }

    @Inject
    SilenceService silences;

    @Inject
    Caller caller;

    @POST
    @Operation(summary = "Mutes notifications about matching alerts or to an agency until endsAt")
    @APIResponse(responseCode = "201", description = "The silence, in force from startsAt (now when absent)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SilenceView.class)))
    @APIResponse(responseCode = "400", description = "An invalid field, neither a fingerprint pattern nor an agency code, "
            + "or endsAt not after startsAt")
    public Uni<Response> create(@Valid @NotNull NewSilence body) {
        return silences.create(body.fingerprintPattern(), body.agencyCode(), body.startsAt(), body.endsAt(), body.reason(),
                caller.name()).map(s -> Response.status(201).entity(SilenceView.of(s)).build());
    }

    @GET
    @Operation(summary = "Current and recent silences with how many notifications each muted")
    public Uni<List<SilenceView>> list() {
        return silences.list().map(list -> list.stream().map(SilenceView::of).toList());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Ends a silence now")
    public Uni<SilenceView> expire(@PathParam("id") String id) {
        return silences.expire(id).map(SilenceView::of);
    }
}
