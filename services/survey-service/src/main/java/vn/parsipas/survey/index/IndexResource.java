package vn.parsipas.survey.index;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.paging.Page;
import vn.parsipas.platform.security.Caller;
import vn.parsipas.platform.security.Roles;

/**
 * Satisfaction sub-indices per sub-index, scope (PROVINCE or an agency) and period (2025-Q2, 2025).
 * Coordinators read every scope; agency staff their own agency's and the province's.
 */
@Path("/api/v1/indices")
public class IndexResource {
    @Inject
    IndexQueries queries;

    @Inject
    IndexRebuild rebuild;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Roles.COORDINATOR, Roles.AGENCY_STAFF })
    public Uni<Page<SubIndexValue>> list(@QueryParam("subIndex") String subIndex, @QueryParam("scope") String scope,
            @QueryParam("period") String period, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return queries.list(new IndexQueries.Filter(subIndex, scope, period), IndexQueries.visibleScopes(caller.visibleAgencies()),
                cursor, limit);
    }

    /** 403 for another agency's scope. */
    @GET
    @RolesAllowed({ Roles.COORDINATOR, Roles.AGENCY_STAFF })
    @Path("/{subIndex}/{scope}/{period}")
    public Uni<SubIndexValue> get(@PathParam("subIndex") String subIndex, @PathParam("scope") String scope,
            @PathParam("period") String period) {
        if (!Periods.PROVINCE.equals(scope)) {
            caller.requireAgency(scope);
        }
        return queries.get(subIndex, scope, period, IndexQueries.visibleScopes(caller.visibleAgencies()));
    }

    /** Recomputes every aggregate from the stored responses; reports how many had to be corrected (0 when healthy). */
    @POST
    @RolesAllowed({ Roles.OPERATOR, Roles.COORDINATOR })
    @Path("/rebuild")
    public Uni<IndexRebuild.Report> rebuild() {
        return rebuild.rebuild();
    }
}
