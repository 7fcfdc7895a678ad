package vn.parsipas.notification.webhook;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.paging.Cursors;
import vn.parsipas.platform.paging.Page;
import vn.parsipas.platform.security.Caller;
import vn.parsipas.platform.security.Roles;

/**
 * Webhook secrets (write-only), the operators' view of failures and the delivery log. An agency's
 * staff set their own secret and read their own webhook's log; operators and coordinators see all
 * and put dead letters back. The URL itself comes from the agency directory, not from this API, and
 * only coordinators see it (as in task-service's directory).
 */
@Path("/api/v1")
public class WebhookResource {
    public record SecretBody(@NotNull @Size(min = 32, max = 256) String secret) {
    }

    @Inject
    WebhookAdmin admin;

    @Inject
    WebhookSecrets secrets;

    @Inject
    Caller caller;

    @PUT
    @Path("/agencies/{code}/webhook-secret")
    @RolesAllowed({ Roles.COORDINATOR, Roles.AGENCY_STAFF })
    @Operation(summary = "Sets the secret that signs an agency's webhooks; it is never returned")
    @APIResponse(responseCode = "204", description = "Set: the next deliveries are signed with it")
    public Uni<Void> setSecret(@PathParam("code") @Pattern(regexp = "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$") String code,
            @Valid @NotNull SecretBody body) {
        caller.requireAgency(code);
        return secrets.store(code, body.secret());
    }

    @GET
    @Path("/webhooks")
    @RolesAllowed({ Roles.COORDINATOR, Roles.OPERATOR, Roles.AGENCY_STAFF })
    @Operation(summary = "Every agency's webhook with its delivered, pending, failed and dead-lettered counts")
    public Uni<List<WebhookAdmin.Status>> statuses() {
        return admin.statuses(caller.operationalAgencies(), caller.isCoordinator());
    }

    @GET
    @Path("/agencies/{code}/webhook")
    @RolesAllowed({ Roles.COORDINATOR, Roles.OPERATOR, Roles.AGENCY_STAFF })
    @Operation(summary = "An agency's webhook with its failure counts")
    public Uni<WebhookAdmin.Status> status(@PathParam("code") String code) {
        caller.requireOperationalAgency(code);
        return admin.status(code, caller.isCoordinator());
    }

    @GET
    @Path("/agencies/{code}/webhook/deliveries")
    @RolesAllowed({ Roles.COORDINATOR, Roles.OPERATOR, Roles.AGENCY_STAFF })
    @Operation(summary = "The delivery log of an agency's webhook, newest first, with every attempt")
    public Uni<Page<WebhookAdmin.DeliveryView>> deliveries(@PathParam("code") String code,
            @QueryParam("status") @Pattern(regexp = "^(pending|sending|sent|skipped|muted|dead)$") String status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        caller.requireOperationalAgency(code);
        return admin.deliveries(code, status, Cursors.decodeAt(cursor), limit);
    }

    @POST
    @Path("/webhook-deliveries/{id}/retry")
    @RolesAllowed({ Roles.COORDINATOR, Roles.OPERATOR })
    @Operation(summary = "Puts a dead-lettered webhook delivery back in the queue")
    @APIResponse(responseCode = "204", description = "Queued again, with a fresh set of attempts")
    @APIResponse(responseCode = "409", description = "No dead-lettered webhook delivery has this id")
    public Uni<Void> retry(@PathParam("id") String id) {
        return admin.retry(id);
    }
}
