package vn.parsipas.platform.testapp;

import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import vn.parsipas.platform.security.Caller;
import vn.parsipas.platform.security.Roles;

@Path("/api/v1/test/agencies")
public class SecuredTestResource {
    public record Visible(String caller, String agency, Set<String> visibleAgencies) {
    }

    @Inject
    Caller caller;

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.COORDINATOR, Roles.AGENCY_STAFF, Roles.OPERATOR })
    public Visible read(@PathParam("code") String code) {
        caller.requireAgency(code);
        return new Visible(caller.name(), caller.agency(), caller.visibleAgencies());
    }

    @GET
    @Path("/provider")
    @RolesAllowed(Roles.DATA_PROVIDER)
    public Set<String> provider() {
        return Set.of(caller.clientId(), String.join(",", caller.allowedIndicators()));
    }
}
