package vn.parsipas.platform.testapp;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.math.BigDecimal;
import java.time.LocalDate;

import vn.parsipas.platform.problem.ConflictException;
import vn.parsipas.platform.problem.NotFoundException;

/** Anonymous on purpose: it exercises the problem mappers, not security (SecuredTestResource does). */
@PermitAll
@Path("/test/problems")
public class ProblemTestResource {
    public record Report(@NotBlank String title, @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal percentComplete) {
    }

    @POST
    public Report accept(@Valid Report report) {
        return report;
    }

    @GET
    @Path("/{id}")
    public Report find(@PathParam("id") String id) {
        throw new NotFoundException("Task", id);
    }

    @GET
    @Path("/numbers")
    public String numbers(@QueryParam("limit") @DefaultValue("5") int limit, @QueryParam("after") Long after,
            @QueryParam("day") LocalDate day) {
        return limit + " " + after + " " + day;
    }

    @POST
    @Path("/conflict")
    public Report conflict() {
        throw new ConflictException("progress cannot be reported on a completed task");
    }
}
