package vn.parsipas.platform.deadletter;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.problem.Problem;
import vn.parsipas.platform.security.Caller;
import vn.parsipas.platform.security.Roles;
import vn.parsipas.platform.paging.Page;

/**
 * Operators' view of this service's dead letters: what waits per topic and why, replay (back to the
 * topic it came from, same CloudEvent id) or discard, and the record of who did which.
 */
@Path("/api/v1/admin")
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Dead letters", description = "Records this service's consumers refused: list, replay, discard (operators)")
public class DeadLetterResource {
    private static final String CONFLICT = "A named record was already replayed or discarded, or names no topic to replay to";

    @Inject
    DeadLetters deadLetters;

    @Inject
    Caller caller;

    @GET
    @Path("/dead-letters")
    @Operation(summary = "This service's dead-letter topics with the waiting records counted by reason")
    public Uni<List<DeadLetters.TopicSummary>> topics() {
        return deadLetters.summaries();
    }

    @GET
    @Path("/dead-letters/{topic}")
    @Operation(summary = "The waiting dead letters of a topic, oldest first")
    public Uni<Page<DeadLetter>> list(@PathParam("topic") String topic,
            @QueryParam("reason") @Schema(description = "only those refused with exactly this reason") String reason,
            @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return deadLetters.list(topic, reason, cursor, limit);
    }

    @POST
    @Path("/dead-letters/{topic}/replays")
    @Operation(summary = "Send dead letters back to the topic they came from, unchanged (same CloudEvent id)")
    @APIResponse(responseCode = "200", description = "What was replayed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeadLetters.Outcome.class)))
    @APIResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "Problem")))
    public Uni<DeadLetters.Outcome> replay(@PathParam("topic") String topic, @NotNull Selection selection) {
        return deadLetters.replay(topic, selection, caller.name());
    }

    @POST
    @Path("/dead-letters/{topic}/discards")
    @Operation(summary = "Set dead letters aside for good, with the reason why")
    @APIResponse(responseCode = "200", description = "What was discarded", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeadLetters.Outcome.class)))
    @APIResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "Problem")))
    public Uni<DeadLetters.Outcome> discard(@PathParam("topic") String topic, @NotNull Selection selection) {
        return deadLetters.discard(topic, selection, caller.name());
    }

    @GET
    @Path("/dead-letter-actions")
    @Operation(summary = "Every replay and discard, newest first")
    public Uni<Page<DeadLetterLog.Action>> actions(@QueryParam("topic") String topic, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return deadLetters.actions(topic, cursor, limit);
    }
}
