package vn.parsipas.indicator.query;

import java.util.Collection;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import vn.parsipas.indicator.catalogue.Indicator;
import vn.parsipas.indicator.catalogue.IndicatorCatalogue;
import vn.parsipas.indicator.evaluation.TargetEvaluations;
import vn.parsipas.platform.paging.Page;
import vn.parsipas.platform.problem.NotFoundException;
import vn.parsipas.platform.security.Caller;
import vn.parsipas.platform.security.Roles;

/**
 * Read-only API: targets and their status, the catalogue, series with target lines, the province
 * overview. Coordinators see everything, agency staff their own agency's (restricted in SQL); the
 * catalogue is reference data that data providers read too.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.COORDINATOR, Roles.AGENCY_STAFF })
public class QueryResource {
    @Inject
    Caller caller;

    @Inject
    TargetQueries targets;

    @Inject
    SeriesQueries series;

    @Inject
    OverviewQueries overview;

    @Inject
    IndicatorCatalogue catalogue;

    @GET
    @Path("/targets")
    public Uni<Page<TargetView>> targets(@QueryParam("criterion") String criterion,
            @QueryParam("agency") String agency,
            @QueryParam("status") @Pattern(regexp = "MET|ON_TRACK|AT_RISK|MISSED|NO_DATA|NO_BASELINE") String status,
            @QueryParam("plan") String plan, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return targets.list(new TargetQueries.Filter(criterion, agency, status, plan), caller.visibleAgencies(), cursor, limit);
    }

    @GET
    @Path("/targets/{targetId}")
    public Uni<TargetView> target(@PathParam("targetId") String targetId) {
        return targets.find(targetId, caller.visibleAgencies());
    }

    @GET
    @Path("/targets/{targetId}/history")
    public Uni<List<TargetQueries.StatusChange>> history(@PathParam("targetId") String targetId) {
        return targets.history(targetId, caller.visibleAgencies());
    }

    @GET
    @Path("/overview")
    public Uni<OverviewQueries.Overview> overview(@QueryParam("plan") String plan) {
        return overview.overview(plan, caller.visibleAgencies());
    }

    @GET
    @Path("/indicators")
    @RolesAllowed({ Roles.COORDINATOR, Roles.AGENCY_STAFF, Roles.DATA_PROVIDER })
    public Collection<Indicator> indicators() {
        return catalogue.all();
    }

    @GET
    @Path("/indicators/{code}")
    @RolesAllowed({ Roles.COORDINATOR, Roles.AGENCY_STAFF, Roles.DATA_PROVIDER })
    public Indicator indicator(@PathParam("code") String code) {
        return catalogue.find(code).orElseThrow(() -> new NotFoundException("Indicator", code));
    }

    @GET
    @Path("/indicators/{code}/series")
    public Uni<SeriesQueries.Series> series(@PathParam("code") String code,
            @QueryParam("scope") @DefaultValue(TargetEvaluations.SCOPE) String scope) {
        return series.series(code, scope, caller.visibleAgencies());
    }

    @GET
    @Path("/indicators/{code}/series/{scope}/{period}")
    public Uni<SeriesQueries.History> history(@PathParam("code") String code, @PathParam("scope") String scope,
            @PathParam("period") String period) {
        return series.history(code, scope, period, caller.visibleAgencies());
    }
}
