package vn.parsipas.notification.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.security.Caller;
import vn.parsipas.platform.security.Roles;

/** A test send to an agency's webhook, by its own staff or a coordinator (the agency console's "Thử gửi"). */
@Path("/api/v1/agencies/{code}/webhook/test")
public class WebhookPingResource {
    @Inject
    WebhookPing ping;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({ Roles.COORDINATOR, Roles.AGENCY_STAFF })
    @Operation(summary = "Sends a signed ping to the agency's webhook now and returns what the receiver answered")
    @APIResponse(responseCode = "200", description = "Sent, or not (delivered false): the receiver's status, or why there is none",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookPing.Outcome.class)))
    @APIResponse(responseCode = "409", description = "The agency has no webhook URL in the directory, or no secret yet")
    public Uni<WebhookPing.Outcome> test(@PathParam("code") String code) {
        caller.requireAgency(code);
        return ping.ping(code);
    }
}
