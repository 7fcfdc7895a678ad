package vn.parsipas.survey.questionnaire;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.problem.NotFoundException;
import vn.parsipas.platform.problem.Problem;
import vn.parsipas.platform.security.Roles;

/**
 * Published questionnaires: read them (reference data: staff, and the kiosks that render them),
 * publish a new version (coordinators; a published one never changes).
 */
@Path("/api/v1/questionnaires")
@Produces(MediaType.APPLICATION_JSON)
public class QuestionnaireResource {
    @Inject
    QuestionnaireCatalog catalog;

    @GET
    @RolesAllowed({ Roles.COORDINATOR, Roles.AGENCY_STAFF, Roles.DATA_PROVIDER })
    public Uni<List<QuestionnaireCatalog.Summary>> list() {
        return catalog.list();
    }

    @GET
    @RolesAllowed({ Roles.COORDINATOR, Roles.AGENCY_STAFF, Roles.DATA_PROVIDER })
    @Path("/{id}/versions/{version}")
    public Uni<Questionnaire> get(@PathParam("id") String id, @PathParam("version") int version) {
        return catalog.find(id, version).map(found -> found
                .orElseThrow(() -> new NotFoundException("Questionnaire", id + " version " + version)).document());
    }

    /** 201 when published, 200 when this exact version was already published, 409 when it differs. */
    @POST
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Publish a questionnaire version (a published version never changes)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Questionnaire.class)))
    @APIResponse(responseCode = "201", description = "Published", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Questionnaire.class)))
    @APIResponse(responseCode = "200", description = "This exact version was already published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Questionnaire.class)))
    @APIResponse(responseCode = "409", description = "This version was already published with other content",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Uni<Response> publish(JsonNode document) {
        Questionnaire questionnaire = QuestionnaireCatalog.parse(document);
        return catalog.publish(questionnaire)
                .map(outcome -> Response.status(outcome == QuestionnaireCatalog.Outcome.PUBLISHED ? 201 : 200)
                        .entity(questionnaire).build());
    }
}
