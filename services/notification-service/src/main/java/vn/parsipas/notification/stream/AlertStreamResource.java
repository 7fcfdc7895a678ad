package vn.parsipas.notification.stream;

import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.mutiny.Multi;
import vn.parsipas.platform.security.Caller;
import vn.parsipas.platform.security.Roles;

/**
 * The live inbox of an agency as server-sent events: one event per new or changed alert, named by
 * the change (raised, updated, repeated, acknowledged, escalated, reassigned, resolved), with an
 * {@link AlertChange} as JSON data; a comment at once and every 20 s keeps proxies from closing the stream.
 * Only a token for that agency (or a coordinator's) opens it, and the stream ends when the token
 * expires: the client reconnects with a fresh one (sending it as a header, never in the URL). A user
 * and an agency hold a bounded number of streams at once ({@link StreamQuota}).
 */
@Path("/api/v1/agencies/{code}/alerts/stream")
@RolesAllowed({ Roles.COORDINATOR, Roles.AGENCY_STAFF })
public class AlertStreamResource {
    private static final Duration HEARTBEAT = Duration.ofSeconds(20);

    @Inject
    AlertStream stream;

    @Context
    Sse sse;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @Inject
    StreamQuota quota;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "New and changed alerts of an agency, live (server-sent events)")
    @APIResponse(responseCode = "200", description = "One event per new or changed alert of the agency's inbox (AlertStreamEvent), "
            + "from now on: nothing is replayed (Last-Event-ID is not read). The stream ends when the token expires: reconnect with a "
            + "fresh one and re-read the inbox with updatedSince for what changed meanwhile.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = AlertStreamEvent.class)))
    @APIResponse(responseCode = "429", description = "The caller or the agency already holds as many live streams as allowed "
            + "(parsipas.notification.stream.max-per-user, max-per-agency)", headers = @Header(name = "Retry-After", required = true,
            description = "seconds to wait before trying again", schema = @Schema(type = SchemaType.INTEGER)))
    public Multi<OutboundSseEvent> stream(@PathParam("code") String code) {
        caller.requireAgency(code);
        // Token expiry is wall-clock time, as its verification is, not the service's (shiftable) business clock.
        Duration valid = Duration.ofSeconds(Math.max(1, token.getExpirationTime() - Instant.now().getEpochSecond()));
        Multi<OutboundSseEvent> changes = stream.of(code).map(AlertStreamEvent::of).map(event -> sse.newEventBuilder()
                .name(event.event())
                .id(event.id())
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(AlertChange.class, event.data())
                .build());
        // The first heartbeat goes at once: a client (the console) then knows the stream is open.
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(HEARTBEAT)
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        String user = token.getSubject();
        quota.acquire(user, code);
        return Multi.createBy().merging().streams(changes, heartbeats).select().first(valid)
                .onTermination().invoke(() -> quota.release(user, code));
    }
}
