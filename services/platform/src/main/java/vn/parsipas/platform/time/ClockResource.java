package vn.parsipas.platform.time;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import vn.parsipas.platform.problem.NotFoundException;
import vn.parsipas.platform.problem.Problem;
import vn.parsipas.platform.security.Roles;

/**
 * Moves this service's clock, for tests and demos only: answers 404 unless
 * {@code parsipas.clock.adjustable=true} (off in production), and only to an operator.
 */
@Path("/api/v1/admin/clock")
@RolesAllowed(Roles.OPERATOR)
public class ClockResource {
    public record ClockState(@NotNull Instant now) {
    }

    private static final String CLOCK_OFF = "The clock cannot be moved here (parsipas.clock.adjustable is false, as in production)";

    @Inject
    ShiftableClock clock;

    @ConfigProperty(name = "parsipas.clock.adjustable", defaultValue = "false")
    boolean adjustable;

    @GET
    @APIResponse(responseCode = "200", description = "The suite's clock", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ClockState.class)))
    @APIResponse(responseCode = "404", description = CLOCK_OFF, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "Problem")))
    public ClockState read() {
        requireAdjustable();
        return new ClockState(clock.instant());
    }

    @PUT
    @APIResponse(responseCode = "200", description = "The suite's clock, moved", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClockState.class)))
    @APIResponse(responseCode = "404", description = CLOCK_OFF, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "Problem")))
    public ClockState shiftTo(@Valid @NotNull ClockState target) {
        requireAdjustable();
        clock.shiftTo(target.now());
        return new ClockState(clock.instant());
    }

    private void requireAdjustable() {
        if (!adjustable) {
            throw new NotFoundException("Resource", "/api/v1/admin/clock");
        }
    }
}
