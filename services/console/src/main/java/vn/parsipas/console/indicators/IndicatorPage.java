package vn.parsipas.console.indicators;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import vn.parsipas.console.clients.IndicatorApi;
import vn.parsipas.console.clients.Plan;
import vn.parsipas.console.clients.Series;
import vn.parsipas.console.clients.Target;
import vn.parsipas.console.overview.PlanFigures;
import vn.parsipas.console.web.Directory;
import vn.parsipas.console.web.Staff;

/**
 * An indicator's page: its values over time against each target's trajectory (the chart and, beside
 * it, the same figures as a table), the corrections its values went through, the latest value with the
 * system it came from, and the plan's targets on it with their status and indicator-service's reasoning.
 */
@Path("/tong-quan/chi-so/{code}")
@RolesAllowed({ Staff.COORDINATOR, Staff.AGENCY_STAFF })
@Produces(MediaType.TEXT_HTML)
public class IndicatorPage {
    static final String PROVINCE = "PROVINCE";
    /** Corrections looked up per page: the values corrected most recently; the table says when there are more. */
    private static final int CORRECTIONS = 24;

    @TemplateData
    public record View(Plan plan, Series series, List<Target> targets, Map<String, List<Series.Value>> replaced,
            boolean moreCorrections, String chart) {
        public Series.Value latest() {
            return series.latest();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance indicator(View view, Directory.Names names, String active);
    }

    @Inject
    PlanFigures figures;

    @Inject
    Directory directory;

    @RestClient
    IndicatorApi indicators;

    @GET
    public Uni<TemplateInstance> indicator(@PathParam("code") String code, @QueryParam("pham-vi") String scope,
            @QueryParam("ke-hoach") String plan) {
        if (!code.matches("^[a-z][a-z0-9]*(-[a-z0-9]+)*$") || scope != null && !scope.matches("^[A-Z0-9-]{1,40}$")) {
            throw new NotFoundException();
        }
        String shown = scope == null ? PROVINCE : scope;
        return figures.plan(plan).chain(found -> Uni.combine().all()
                .unis(indicators.series(code, shown), indicators.overview(found.id()), directory.names()).asTuple()
                .chain(loaded -> corrections(code, shown, loaded.getItem1()).map(replaced -> {
                    Series series = loaded.getItem1();
                    List<Target> targets = loaded.getItem2().criteria().stream().flatMap(g -> g.targets().stream())
                            .filter(t -> code.equals(t.indicatorCode())).toList();
                    String chart = IndicatorChart.draw(series, replaced, loaded.getItem3());
                    boolean more = series.values().stream().filter(Series.Value::corrected).count() > CORRECTIONS;
                    return Templates.indicator(new View(found, series, targets, replaced, more, chart), loaded.getItem3(),
                            "overview");
                })));
    }

    /** The values each corrected value replaced, by period, for the chart's grey crosses and the table. */
    private Uni<Map<String, List<Series.Value>>> corrections(String code, String scope, Series series) {
        List<Series.Value> corrected = series.values().stream().filter(Series.Value::corrected)
                .sorted(Comparator.comparing(Series.Value::receivedAt).reversed()).limit(CORRECTIONS).toList();
        if (corrected.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Uni.join().all(corrected.stream().map(v -> indicators.history(code, scope, v.period())).toList()).andFailFast()
                .map(histories -> histories.stream().collect(Collectors.toMap(Series.History::period, Series.History::superseded)));
    }
}
