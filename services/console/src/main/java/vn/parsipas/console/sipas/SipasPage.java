package vn.parsipas.console.sipas;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import vn.parsipas.console.clients.Page;
import vn.parsipas.console.clients.SurveyApi;
import vn.parsipas.console.web.Directory;
import vn.parsipas.console.web.Staff;

/**
 * Chỉ số hài lòng (SIPAS): each sub-index per scope and period with its 95 % interval against the
 * target, as a chart and as tables, and the CSV download (survey-service's export, scoped to the
 * person: agency staff see their agency and the province).
 */
@Path("/tong-quan")
@RolesAllowed({ Staff.COORDINATOR, Staff.AGENCY_STAFF })
public class SipasPage {
    private static final int PAGE = 1000;
    private static final String CODE = "^[0-9]+(\\.[0-9]+)*$";
    private static final String PERIOD = "^[0-9]{4}(-Q[1-4])?$";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sipas(SipasView view, Directory.Names names, String active);
    }

    @Inject
    Directory directory;

    @RestClient
    SurveyApi survey;

    @GET
    @Path("sipas")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> sipas(@QueryParam("chi-so") String subIndex, @QueryParam("ky") String period) {
        return Uni.combine().all().unis(Page.all(cursor -> survey.indices(cursor, PAGE)), directory.names()).asTuple()
                .map(loaded -> Templates.sipas(SipasView.of(loaded.getItem1(), valid(subIndex, CODE), valid(period, PERIOD),
                        loaded.getItem2()), loaded.getItem2(), "sipas"));
    }

    @GET
    @Path("sipas.csv")
    @Produces("text/csv; charset=UTF-8")
    public Uni<Response> csv(@QueryParam("chi-so") String subIndex, @QueryParam("ky") String period) {
        String chosen = valid(subIndex, CODE);
        String name = "chi-so-hai-long" + (chosen == null ? "" : "-" + chosen) + (valid(period, PERIOD) == null ? "" : "-" + period) + ".csv";
        return survey.indicesCsv(chosen, valid(period, PERIOD)).map(csv -> Response.ok(csv)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build());
    }

    /** A parameter as the page uses it: null when absent or not of its form (then the page picks its default). */
    private static String valid(String value, String form) {
        return value != null && value.matches(form) ? value : null;
    }
}
