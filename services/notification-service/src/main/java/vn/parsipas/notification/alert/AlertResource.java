package vn.parsipas.notification.alert;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.paging.Cursors;
import vn.parsipas.platform.paging.Page;
import vn.parsipas.platform.security.Caller;
import vn.parsipas.platform.security.Roles;

/**
 * The inbox: an agency's alerts, one alert in full, and acknowledging it. Coordinators see every
 * alert; agency staff only the alerts their agency holds (the restriction is part of each query).
 */
@Path("/api/v1")
@RolesAllowed({ Roles.COORDINATOR, Roles.AGENCY_STAFF })
public class AlertResource {
    public record Acknowledgement(
            @NotBlank @Pattern(regexp = "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$") String agencyCode,
            @Size(max = 2000) String comment) {
    }

    @Inject
    AlertQueries queries;

    @Inject
    AlertService alerts;

    @Inject
    Caller caller;

    @GET
    @Path("/agencies/{code}/alerts")
    @Operation(summary = "The alerts an agency holds (responsible, copy, escalation), newest first, filtered")
    public Uni<Page<AlertView>> inbox(@PathParam("code") String code,
            @QueryParam("status") @Pattern(regexp = AlertFilter.STATUS) String status,
            @QueryParam("kind") @Pattern(regexp = AlertFilter.KIND) String kind,
            @QueryParam("severity") @Pattern(regexp = AlertFilter.SEVERITY) String severity,
            @QueryParam("criterion") @Pattern(regexp = AlertFilter.CRITERION) String criterion,
            @QueryParam("raisedFrom") LocalDate raisedFrom, @QueryParam("raisedTo") LocalDate raisedTo,
            @QueryParam("holding") @Pattern(regexp = AlertFilter.HOLDING) String holding,
            @QueryParam("updatedSince") Instant updatedSince,
            @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        caller.requireAgency(code);
        AlertFilter filter = new AlertFilter(status, kind, severity, criterion, raisedFrom, raisedTo, holding, updatedSince);
        return queries.list(code, filter, Cursors.decodeAt(cursor), limit, caller.visibleAgencies());
    }

    @GET
    @Path("/agencies/{code}/alerts/counts")
    @Operation(summary = "How many alerts each inbox tab of an agency holds (open, acknowledged, escalated to it, resolved), filtered")
    public Uni<AlertCounts> counts(@PathParam("code") String code,
            @QueryParam("kind") @Pattern(regexp = AlertFilter.KIND) String kind,
            @QueryParam("severity") @Pattern(regexp = AlertFilter.SEVERITY) String severity,
            @QueryParam("criterion") @Pattern(regexp = AlertFilter.CRITERION) String criterion,
            @QueryParam("raisedFrom") LocalDate raisedFrom, @QueryParam("raisedTo") LocalDate raisedTo) {
        caller.requireAgency(code);
        AlertFilter filter = new AlertFilter(null, kind, severity, criterion, raisedFrom, raisedTo, null, null);
        return queries.counts(code, filter, caller.visibleAgencies());
    }

    @GET
    @Path("/alerts")
    @Operation(summary = "Every alert of the province, newest first (the coordinating offices' view; staff see their agency's)")
    public Uni<Page<AlertView>> all(@QueryParam("status") @Pattern(regexp = AlertFilter.STATUS) String status,
            @QueryParam("kind") @Pattern(regexp = AlertFilter.KIND) String kind,
            @QueryParam("severity") @Pattern(regexp = AlertFilter.SEVERITY) String severity,
            @QueryParam("criterion") @Pattern(regexp = AlertFilter.CRITERION) String criterion,
            @QueryParam("raisedFrom") LocalDate raisedFrom, @QueryParam("raisedTo") LocalDate raisedTo,
            @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        AlertFilter filter = new AlertFilter(status, kind, severity, criterion, raisedFrom, raisedTo, null, null);
        return queries.list(null, filter, Cursors.decodeAt(cursor), limit, caller.visibleAgencies());
    }

    @GET
    @Path("/alerts/{alertId}")
    @Operation(summary = "One alert with its recipients, timeline and deliveries")
    public Uni<AlertView.Detail> detail(@PathParam("alertId") String alertId) {
        return queries.detail(alertId, caller.visibleAgencies());
    }

    @POST
    @Path("/alerts/{alertId}/acknowledgements")
    @Operation(summary = "Acknowledges an alert on behalf of its responsible agency or an agency it escalated to (a copy may "
            + "not; a coordinator may for any holder), with a comment; escalation stops. The acknowledging person is the token's user.")
    @APIResponse(responseCode = "200", description = "Acknowledged: the alert as it is now", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "400", description = "An invalid body, or agencyCode has not received this alert")
    @APIResponse(responseCode = "403", description = "The caller may not act for agencyCode, or agencyCode holds only a copy")
    @APIResponse(responseCode = "409", description = "The alert is no longer open: already acknowledged, or resolved")
    public Uni<AlertView> acknowledge(@PathParam("alertId") String alertId, @Valid @NotNull Acknowledgement body) {
        caller.requireAgency(body.agencyCode());
        return alerts.acknowledge(alertId, body.agencyCode(), caller.name(), body.comment(), caller.visibleAgencies(),
                caller.isCoordinator()).map(AlertView::of);
    }
}
