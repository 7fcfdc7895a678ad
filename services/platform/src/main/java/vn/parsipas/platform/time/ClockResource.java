package vn.parsipas.platform.time;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.parsipas.platform.problem.NotFoundException;
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

    @Inject
    ShiftableClock clock;

    @ConfigProperty(name = "parsipas.clock.adjustable", defaultValue = "false")
    boolean adjustable;

    @GET
    public ClockState read() {
        requireAdjustable();
        return new ClockState(clock.instant());
    }

    @PUT
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
