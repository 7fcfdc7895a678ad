package vn.parsipas.console.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

import vn.parsipas.console.ConsoleConfig;
import vn.parsipas.console.overview.OverviewQuery;
import vn.parsipas.console.web.Staff;

/**
 * Báo cáo kết quả thực hiện Kế hoạch for a reporting period (ky: quy-1, 6-thang, quy-3, nam), as XLSX or
 * as a DOCX draft, generated
 * from the services' answers for the signed-in person: the whole province for a coordinator, the
 * person's agency for agency staff.
 */
@Path("/tong-quan")
@RolesAllowed({ Staff.COORDINATOR, Staff.AGENCY_STAFF })
public class ReportResource {
    @Inject
    ReportFigures reports;

    @Inject
    ConsoleConfig config;

    @GET
    @Path("bao-cao.xlsx")
    @Produces(ReportWorkbook.MEDIA_TYPE)
    public Uni<Response> workbook(@QueryParam("ke-hoach") String plan, @QueryParam("ky") String period) {
        return reports.forCaller(OverviewQuery.parse(plan, null, null, null).plan(), period).map(data -> Response.ok(ReportWorkbook.write(data), ReportWorkbook.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName(data, "xlsx") + "\"").build());
    }

    @GET
    @Path("bao-cao.docx")
    @Produces(ReportDocument.MEDIA_TYPE)
    public Uni<Response> document(@QueryParam("ke-hoach") String plan, @QueryParam("ky") String period) {
        return reports.forCaller(OverviewQuery.parse(plan, null, null, null).plan(), period).map(data -> Response.ok(ReportDocument.write(data, config.report()), ReportDocument.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName(data, "docx") + "\"").build());
    }

    /** bao-cao-dak-lak-2025-quy-1-2025.xlsx: ASCII, so every browser and mail system keeps it. */
    static String fileName(ReportData data, String extension) {
        return "bao-cao-" + data.overview().plan().id() + "-" + data.period().key() + "-" + data.period().year() + "." + extension;
    }
}
