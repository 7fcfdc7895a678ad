package vn.parsipas.notification.rule;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.security.Caller;
import vn.parsipas.platform.security.Roles;

/** The routing rules as data: read them, replace them, or re-read the rules file. Coordinators only. */
@Path("/api/v1/rules")
@RolesAllowed(Roles.COORDINATOR)
public class RuleResource {
    @Inject
    RuleBook rules;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The routing rules in evaluation order")
    public RuleSet.Stored get() {
        return rules.current();
    }

    @PUT
    @Operation(summary = "Replaces the routing rules; every replica applies them to the next transition")
    public Uni<RuleSet.Stored> replace(@Valid @NotNull RuleSet body) {
        return rules.replace(body, caller.name());
    }

    @POST
    @Path("/reload")
    @Operation(summary = "Replaces the routing rules with the rules file's")
    public Uni<RuleSet.Stored> reload() {
        return rules.reloadFile("rules-file by " + caller.name());
    }
}
