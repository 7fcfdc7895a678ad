package vn.parsipas.task.plan;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import vn.parsipas.contracts.plan.TargetDefined;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.security.Caller;
import vn.parsipas.platform.security.Roles;

/** The plan is the province's published document: agency staff read it, coordinators import it. */
@Path("/api/v1/plans")
@RolesAllowed({Roles.COORDINATOR, Roles.AGENCY_STAFF})
public class PlanResource {
    @Inject
    PlanImporter importer;

    @Inject
    PlanPreviews previews;

    @Inject
    PlanCatalog catalog;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.COORDINATOR)
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON, PlanFormat.XLSX_MEDIA_TYPE})
    @Operation(summary = "Import a plan file (YAML or JSON, deploy/plans/plan.schema.json, or the XLSX template): "
            + "idempotent; a revised file makes a new version and publishes only the differences. With dryRun=true "
            + "nothing is imported: the answer says what would change, for whom")
    public Uni<Response> importPlan(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("dryRun") boolean dryRun) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("", "the body must be a plan file");
        }
        PlanFormat format = PlanFormat.ofMediaType(contentType);
        if (dryRun) {
            return previews.preview(body, format).map(preview -> Response.ok(preview).build());
        }
        return importer.importPlan(body, format, caller.name()).map(result -> Response
                .status(ImportResult.UNCHANGED.equals(result.outcome()) ? Response.Status.OK : Response.Status.CREATED)
                .entity(result).build());
    }

    @GET
    public Uni<List<PlanCatalog.PlanView>> plans() {
        return catalog.plans();
    }

    @GET
    @Path("/{id}")
    public Uni<PlanCatalog.PlanView> plan(@PathParam("id") String id) {
        return catalog.plan(id);
    }

    @GET
    @Path("/{id}/versions")
    public Uni<List<PlanCatalog.VersionView>> versions(@PathParam("id") String id) {
        return catalog.versions(id);
    }

    @GET
    @Path("/{id}/workbook")
    @Produces(PlanFormat.XLSX_MEDIA_TYPE)
    @Operation(summary = "The plan's current version as the XLSX template (deploy/plans/README.md)")
    public Uni<Response> workbook(@PathParam("id") String id) {
        return catalog.file(id, null).emitOn(Infrastructure.getDefaultWorkerPool()).map(PlanTemplateResource::workbook);
    }

    @GET
    @Path("/{id}/versions/{version}/workbook")
    @Produces(PlanFormat.XLSX_MEDIA_TYPE)
    @Operation(summary = "A stored version of the plan as the XLSX template, to start the next plan from")
    public Uni<Response> versionWorkbook(@PathParam("id") String id, @PathParam("version") int version) {
        return catalog.file(id, version).emitOn(Infrastructure.getDefaultWorkerPool()).map(PlanTemplateResource::workbook);
    }

    @GET
    @Path("/{id}/criteria")
    public Uni<List<PlanCatalog.CriterionView>> criteria(@PathParam("id") String id) {
        return catalog.criteria(id);
    }

    @GET
    @Path("/{id}/targets")
    @Operation(summary = "The plan's targets as published on plan.targets.v1")
    public Uni<List<TargetDefined>> targets(@PathParam("id") String id, @QueryParam("includeRemoved") boolean includeRemoved) {
        return catalog.targets(id, includeRemoved);
    }
}
