package vn.parsipas.console.inbox;

import java.time.Duration;
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
 * becomes a {@code change} event whose id is the alert's update instant. When the browser reconnects
 * (Last-Event-ID) or a page opens (since = its newest alert), the alerts changed since then are read
 * again once the upstream stream is open, and one {@code change} event says so: nothing is lost
 * while the browser was away. The stream ends when the person's token does; the browser's automatic
 * reconnect then comes with the session cookie, whose tokens the console refreshes.
 */
@Path("/canh-bao/su-kien")
@RolesAllowed({ Staff.COORDINATOR, Staff.AGENCY_STAFF })
public class LiveInbox {
    private static final Duration RESUME_AT_LATEST = Duration.ofSeconds(3);
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
        AtomicBoolean resumed = new AtomicBoolean(resumeFrom == null);
        Multi<OutboundSseEvent> relayed = notifications.changes(agency, bearer)
                .onItem().transformToUniAndConcatenate(event -> resumeOnce(resumed, agency, resumeFrom, bearer)
                        .map(before -> {
                            List<OutboundSseEvent> out = new ArrayList<>(before);
                            out.add(relay(event));
                            return out;
                        }))
                .onItem().disjoint();
        // In case the upstream says nothing for a while after opening (its first heartbeat comes at once).
        Multi<OutboundSseEvent> late = Uni.createFrom().voidItem().onItem().delayIt().by(RESUME_AT_LATEST)
                .chain(() -> resumeOnce(resumed, agency, resumeFrom, bearer)).toMulti()
                .onItem().disjoint();
        return Multi.createBy().merging().streams(relayed, late);
    }

    /** The alerts changed since the browser last heard, read once per stream; one event if there were any. */
    private Uni<List<OutboundSseEvent>> resumeOnce(AtomicBoolean resumed, String agency, Instant since, String bearer) {
        if (!resumed.compareAndSet(false, true)) {
            return Uni.createFrom().item(List.of());
        }
        return notifications.changedSince(agency, since.toString(), 200, bearer).map(page -> {
            if (page.items().isEmpty()) {
                return List.<OutboundSseEvent>of();
            }
            Instant latest = page.items().stream().map(Alert::updatedAt).max(Comparator.naturalOrder()).orElse(since);
            ObjectNode data = json.createObjectNode().put("change", "resumed").put("count", page.items().size());
            return List.of(event(latest.toString(), data.toString()));
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
