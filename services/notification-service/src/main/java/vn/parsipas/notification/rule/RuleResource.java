package vn.parsipas.notification.rule;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    @APIResponse(responseCode = "200", description = "The rules as stored, with their new version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSet.Stored.class)))
    @APIResponse(responseCode = "400", description = "An invalid rule (the problem's errors name it, e.g. 'rules[2].escalateAfter'), "
            + "or two rules of one name")
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
