package vn.parsipas.console.inbox;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.client.SseEvent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.oidc.AccessTokenCredential;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import vn.parsipas.console.clients.Alert;
import vn.parsipas.console.clients.NotificationStream;
import vn.parsipas.console.web.Staff;

/**
 * The browser's live inbox: the console relays notification-service's stream of the person's agency
 * (a browser's EventSource cannot send a bearer token; it sends the session cookie here). Each change
 * becomes a {@code change} event whose id is the alert's update instant. Once the upstream stream is
 * open (its first heartbeat comes at once), a {@code ready} event tells the page it is live, and when
 * the browser reconnects (Last-Event-ID) or a page opens (since = its newest alert), the alerts
 * changed since then are read again, and one {@code change} event says so: nothing is lost while the
 * browser was away or the upstream was opening (never read before it is open: a change in between
 * would be in neither). The stream ends when the person's token does; the browser's automatic
 * reconnect then comes with the session cookie, whose tokens the console refreshes.
 */
@Path("/canh-bao/su-kien")
@RolesAllowed({ Staff.COORDINATOR, Staff.AGENCY_STAFF })
public class LiveInbox {
    private static final long RECONNECT_MILLIS = 2000;

    @Inject
    Staff staff;

    @Inject
    AccessTokenCredential accessToken;

    @Inject
    ObjectMapper json;

    @Context
    Sse sse;

    @RestClient
    NotificationStream notifications;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> changes(@HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("since") String since) {
        String agency = staff.requireAgency();
        String bearer = "Bearer " + accessToken.getToken();
        Instant resumeFrom = instant(lastEventId != null ? lastEventId : since);
        AtomicBoolean opened = new AtomicBoolean();
        return notifications.changes(agency, bearer)
                .onItem().transformToUniAndConcatenate(event -> (opened.compareAndSet(false, true)
                        ? resume(agency, resumeFrom, bearer) : Uni.createFrom().item(List.<OutboundSseEvent>of()))
                        .map(before -> {
                            List<OutboundSseEvent> out = new ArrayList<>(before);
                            out.add(relay(event));
                            return out;
                        }))
                .onItem().disjoint();
    }

    /** On opening: {@code ready}, then one {@code change} event if alerts changed since the browser last heard. */
    private Uni<List<OutboundSseEvent>> resume(String agency, Instant since, String bearer) {
        OutboundSseEvent ready = sse.newEventBuilder().name("ready").reconnectDelay(RECONNECT_MILLIS).data("open").build();
        if (since == null) {
            return Uni.createFrom().item(List.of(ready));
        }
        return notifications.changedSince(agency, since.toString(), 200, bearer).map(page -> {
            if (page.items().isEmpty()) {
                return List.of(ready);
            }
            Instant latest = page.items().stream().map(Alert::updatedAt).max(Comparator.naturalOrder()).orElse(since);
            ObjectNode data = json.createObjectNode().put("change", "resumed").put("count", page.items().size());
            return List.of(ready, event(latest.toString(), data.toString()));
        });
    }

    /** An upstream change as a {@code change} event (the alert's id, change, status and title); a heartbeat as a comment. */
    private OutboundSseEvent relay(SseEvent<String> upstream) {
        if (upstream.data() == null || upstream.data().isBlank()) {
            return sse.newEventBuilder().comment("heartbeat").build();
        }
        try {
            JsonNode change = json.readTree(upstream.data());
            ObjectNode data = json.createObjectNode().put("change", change.path("change").asText())
                    .put("alertId", change.path("alertId").asText()).put("status", change.path("status").asText())
                    .put("title", change.path("title").asText());
            return event(change.path("updatedAt").asText(null), data.toString());
        } catch (java.io.IOException e) {
            return sse.newEventBuilder().comment("unreadable change").build();
        }
    }

    private OutboundSseEvent event(String id, String data) {
        return sse.newEventBuilder().name("change").id(id).reconnectDelay(RECONNECT_MILLIS)
                .mediaType(MediaType.TEXT_PLAIN_TYPE).data(data).build();
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
