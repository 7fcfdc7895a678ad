package vn.parsipas.task.plan;

import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.security.Roles;
import vn.parsipas.task.agency.Agency;
import vn.parsipas.task.plan.workbook.PlanWorkbook;

/**
 * The XLSX template of deploy/plans/README.md for coordinators: empty, listing the directory's
 * agencies; and a plan file converted between the template and YAML after the same checks as an
 * import, importing nothing. Importing a filled template is {@code POST /api/v1/plans}; a stored
 * version as the template is {@code GET /api/v1/plans/{id}/versions/{n}/workbook}.
 */
@Path("/api/v1")
public class PlanTemplateResource {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @GET
    @Path("/plan-template")
    @Produces(PlanFormat.XLSX_MEDIA_TYPE)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "An empty XLSX template whose sheet «Cơ quan» lists the directory's active agencies")
    public Uni<Response> template() {
        return Panache.withSession(() -> Agency.<Agency>list("active = true order by code"))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(agencies -> attachment(PlanWorkbook.template(agencies.stream().map(PlanTemplateResource::row).toList()),
                        "mau-ke-hoach.xlsx", PlanFormat.XLSX_MEDIA_TYPE));
    }

    @POST
    @Path("/plan-conversions")
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON, PlanFormat.XLSX_MEDIA_TYPE})
    @Produces({"application/yaml", PlanFormat.XLSX_MEDIA_TYPE})
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Checks a plan file as an import would and returns it in the other format (the XLSX template "
            + "as YAML, YAML or JSON as the template); imports nothing")
    @RequestBody(required = true, content = {
            @Content(mediaType = "application/yaml", schema = @Schema(implementation = PlanDocument.class)),
            @Content(mediaType = "application/x-yaml", schema = @Schema(implementation = PlanDocument.class)),
            @Content(mediaType = "text/yaml", schema = @Schema(implementation = PlanDocument.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanDocument.class)),
            @Content(mediaType = PlanFormat.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "200", description = "The plan in the other format, as an attachment named after the plan",
            headers = @Header(name = "Content-Disposition", required = true, schema = @Schema(type = SchemaType.STRING)),
            content = {
                    @Content(mediaType = "application/yaml", schema = @Schema(implementation = PlanDocument.class)),
                    @Content(mediaType = PlanFormat.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "400", description = "Not a plan file, or one that breaks its schema or the checks beyond it: "
            + "the problem's errors name every offending field (at most 200)")
    public Response convert(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) throws Exception {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("", "the body must be a plan file");
        }
        PlanFormat format = PlanFormat.ofMediaType(contentType);
        PlanReader.ParsedPlan plan = PlanReader.read(body, format);
        String name = plan.planId();
        return format == PlanFormat.XLSX
                ? attachment(YAML.writeValueAsBytes(plan.document()), name + ".yaml", "application/yaml")
                : attachment(PlanWorkbook.write(plan.document()), name + ".xlsx", PlanFormat.XLSX_MEDIA_TYPE);
    }

    /** An agency of the directory as a row of the template's sheet «Cơ quan». */
    private static ObjectNode row(Agency agency) {
        ObjectNode row = JsonNodeFactory.instance.objectNode().put("code", agency.code).put("name", agency.name)
                .put("kind", agency.kind);
        return agency.parentCode == null ? row : row.put("parent", agency.parentCode);
    }

    /** A stored version of a plan as the template. */
    static Response workbook(PlanCatalog.StoredFile file) {
        return attachment(PlanWorkbook.write(PlanReader.parse(file.document().getBytes(StandardCharsets.UTF_8), false)),
                file.planId() + "-v" + file.version() + ".xlsx", PlanFormat.XLSX_MEDIA_TYPE);
    }

    private static Response attachment(byte[] bytes, String name, String type) {
        return Response.ok(bytes, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
