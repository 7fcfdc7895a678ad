package vn.parsipas.survey.questionnaire;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.problem.NotFoundException;
import vn.parsipas.platform.security.Roles;

/**
 * Published questionnaires: read them (reference data: staff, and the kiosks that render them),
 * publish a new version (coordinators; a published one never changes).
 */
@Path("/api/v1/questionnaires")
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
    public Uni<Response> publish(JsonNode document) {
        Questionnaire questionnaire = QuestionnaireCatalog.parse(document);
        return Panache.withTransaction(() -> catalog.publish(questionnaire))
                .map(outcome -> Response.status(outcome == QuestionnaireCatalog.Outcome.PUBLISHED ? 201 : 200)
                        .entity(questionnaire).build());
    }
}
