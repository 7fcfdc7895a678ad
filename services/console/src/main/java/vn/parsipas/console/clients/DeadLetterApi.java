package vn.parsipas.console.clients;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;

/**
 * The dead-letter API every service has (the platform's, for operators), called with the signed-in
 * person's token; {@code vn.parsipas.console.deadletters.DeadLetterClients} holds one per service.
 */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
public interface DeadLetterApi {

    @TemplateData
    record ReasonCount(String reason, int count) {
    }

    @TemplateData
    record TopicSummary(String topic, String channel, int waiting, List<ReasonCount> reasons) {
    }

    @TemplateData
    record Letter(int partition, long offset, String key, String reason, String cause, String originalTopic, String eventId,
            String eventType, String eventSource, String subject, Instant deadLetteredAt, Map<String, String> headers, String body) {
        public String place() {
            return partition + ":" + offset;
        }
    }

    @TemplateData
    record Action(String action, String topic, int partition, long offset, String originalTopic, String eventId, String eventType,
            String eventSource, String reason, String comment, String actor, Instant actedAt) {
    }

    record Place(int partition, long offset) {
    }

    /** Exactly one of offsets or reason; the comment is the operator's reason. */
    record Selection(List<Place> offsets, String reason, String comment) {
    }

    record Outcome(String action, int count) {
    }

    @GET
    @Path("/dead-letters")
    Uni<List<TopicSummary>> topics();

    @GET
    @Path("/dead-letters/{topic}")
    Uni<Page<Letter>> letters(@PathParam("topic") String topic, @QueryParam("reason") String reason,
            @QueryParam("cursor") String cursor, @QueryParam("limit") int limit);

    @POST
    @Path("/dead-letters/{topic}/replays")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Outcome> replay(@PathParam("topic") String topic, Selection selection);

    @POST
    @Path("/dead-letters/{topic}/discards")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Outcome> discard(@PathParam("topic") String topic, Selection selection);

    @GET
    @Path("/dead-letter-actions")
    Uni<Page<Action>> actions(@QueryParam("topic") String topic, @QueryParam("cursor") String cursor, @QueryParam("limit") int limit);
}
