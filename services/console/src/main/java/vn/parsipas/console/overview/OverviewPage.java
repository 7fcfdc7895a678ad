package vn.parsipas.console.overview;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import vn.parsipas.console.ConsoleConfig;
import vn.parsipas.console.web.Directory;
import vn.parsipas.console.web.Staff;
import vn.parsipas.console.web.Wording;

/**
 * Tổng quan kế hoạch: every criterion of the plan with its lead agency, its tasks (done, in progress,
 * overdue), its targets' statuses and its open alerts; filtered by lead agency and status, sorted by
 * any column; the periodic report's download. Coordinators see the province, agency staff their own
 * agency's share (each service scopes its answer to the person's token).
 */
@Path("/tong-quan")
@RolesAllowed({ Staff.COORDINATOR, Staff.AGENCY_STAFF })
@Produces(MediaType.TEXT_HTML)
public class OverviewPage {

    @TemplateData
    public record View(PlanOverview overview, OverviewQuery query, List<CriterionRow> rows, List<String> leadAgencies,
            List<ReportPeriod> periods, ReportPeriod period) {
        public List<String> statuses() {
            return CriterionRow.STATUSES;
        }

        public List<String> sorts() {
            return OverviewQuery.SORTS;
        }

        public String sortLabel(String sort) {
            return switch (sort) {
                case "co-quan" -> "Cơ quan chủ trì (A–Z)";
                case "qua-han" -> "Nhiều nhiệm vụ quá hạn trước";
                case "trang-thai" -> "Chỉ tiêu kém nhất trước";
                case "canh-bao" -> "Nhiều cảnh báo đang mở trước";
                default -> "Thứ tự trong kế hoạch";
            };
        }

        public long tasks(String which) {
            return overview.rows().stream().mapToLong(r -> switch (which) {
                case "done" -> r.tasks().done();
                case "overdue" -> r.tasks().overdue();
                case "inProgress" -> r.tasks().inProgress();
                default -> r.tasks().total();
            }).sum();
        }

        public long targets(String status) {
            return overview.rows().stream().mapToLong(r -> r.statusCounts().getOrDefault(status, 0)).sum();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(View view, Directory.Names names, String active);
    }

    @Inject
    Staff staff;

    @Inject
    Directory directory;

    @Inject
    PlanFigures figures;

    @Inject
    ConsoleConfig config;

    @GET
    public Uni<TemplateInstance> overview(@QueryParam("ke-hoach") String plan, @QueryParam("co-quan") String agency,
            @QueryParam("trang-thai") String status, @QueryParam("sap-xep") String sort) {
        OverviewQuery query = OverviewQuery.parse(plan, agency, status, sort);
        String scope = staff.isCoordinator() ? null : staff.requireAgency();
        return figures.plan(query.plan()).chain(found -> Uni.combine().all()
                .unis(figures.overview(found, scope), directory.names()).asTuple().map(loaded -> {
                    PlanOverview overview = loaded.getItem1();
                    Directory.Names names = loaded.getItem2();
                    List<String> leads = overview.rows().stream().map(CriterionRow::leadAgency).filter(a -> a != null).distinct()
                            .sorted((a, b) -> names.of(a).compareTo(names.of(b))).toList();
                    LocalDate today = LocalDate.ofInstant(overview.at(), Wording.ZONE);
                    var periods = config.report().periods();
                    View view = new View(overview, new OverviewQuery(found.id(), query.agency(), query.status(), query.sort()),
                            query.apply(overview.rows(), names), leads, ReportPeriod.all(periods, found.year()),
                            ReportPeriod.choose(periods, found.year(), null, today));
                    return Templates.overview(view, names, "overview");
                }));
    }
}
