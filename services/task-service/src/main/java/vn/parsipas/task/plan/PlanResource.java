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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    @RequestBody(required = true, content = {
            @Content(mediaType = "application/yaml", schema = @Schema(implementation = PlanDocument.class)),
            @Content(mediaType = "application/x-yaml", schema = @Schema(implementation = PlanDocument.class)),
            @Content(mediaType = "text/yaml", schema = @Schema(implementation = PlanDocument.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanDocument.class)),
            @Content(mediaType = PlanFormat.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = "the XLSX template filled in (deploy/plans/README.md)")) })
    @APIResponse(responseCode = "201", description = "Imported: a new plan (outcome created) or a new version of it (revised)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "200", description = "The same file as the current version (an ImportResult, outcome "
            + "unchanged), or with dryRun=true what an import would change (a PlanPreview)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = { ImportResult.class, PlanPreview.class })))
    @APIResponse(responseCode = "400", description = "Not a plan file, or one that breaks its schema or the checks beyond it: "
            + "the problem's errors name every offending field (at most 200)")
    public Uni<Response> importPlan(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "true: check the file and say what would change, for whom; import nothing")
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
