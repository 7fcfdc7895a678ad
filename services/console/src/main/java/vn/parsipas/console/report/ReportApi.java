package vn.parsipas.console.report;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import vn.parsipas.console.ConsoleConfig;
import vn.parsipas.console.web.Staff;

/**
 * The periodic report for the province's document system: {@code GET /api/v1/reports/{planId}?period=}
 * with a bearer token (client credentials, or a person's), the format chosen by {@code Accept} — the
 * DOCX draft or the XLSX figures, the same files the overview downloads, scoped to the token as the
 * services scope it. Refusals are problem+json naming the offending parameter.
 */
@Path("/api/v1/reports")
@RolesAllowed({ Staff.COORDINATOR, Staff.AGENCY_STAFF })
public class ReportApi {
    static final MediaType DOCX = MediaType.valueOf(ReportDocument.MEDIA_TYPE);
    static final MediaType XLSX = MediaType.valueOf(ReportWorkbook.MEDIA_TYPE);
    private static final MediaType PROBLEM = MediaType.valueOf("application/problem+json");

    @Inject
    ReportFigures reports;

    @Inject
    ConsoleConfig config;

    @Inject
    ObjectMapper json;

    @GET
    @Path("/{planId}")
    public Uni<Response> report(@PathParam("planId") String planId, @QueryParam("period") String period,
            @Context HttpHeaders headers) {
        Optional<MediaType> format = headers.getAcceptableMediaTypes().stream()
                .flatMap(accepted -> List.of(DOCX, XLSX).stream().filter(accepted::isCompatible)).findFirst();
        if (format.isEmpty()) {
            return Uni.createFrom().item(problem(406, "Not Acceptable", "Accept", "the report is served as "
                    + DOCX + " (the draft) or " + XLSX + " (the figures)"));
        }
        if (period != null && !config.report().periods().containsKey(period)) {
            return Uni.createFrom().item(problem(400, "Bad Request", "period", "one of "
                    + String.join(", ", config.report().periods().keySet())));
        }
        boolean document = format.get().equals(DOCX);
        return reports.forCaller(planId, period).map(data -> Response.ok(document ? ReportDocument.write(data, config.report())
                        : ReportWorkbook.write(data), format.get())
                        .header("Content-Disposition", "attachment; filename=\""
                                + ReportResource.fileName(data, document ? "docx" : "xlsx") + "\"")
                        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build())
                .onFailure(NotFoundException.class).recoverWithItem(() -> problem(404, "Not Found", "planId", "no plan " + planId));
    }

    /** An RFC 9457 problem in the services' shape, with the offending parameter in {@code errors}. */
    private Response problem(int status, String title, String field, String message) {
        var body = json.createObjectNode().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", field + ": " + message);
        body.putArray("errors").addObject().put("field", field).put("message", message);
        return Response.status(status).type(PROBLEM).entity(body.toString()).build();
    }
}
