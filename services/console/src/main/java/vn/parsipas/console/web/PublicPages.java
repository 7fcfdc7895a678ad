package vn.parsipas.console.web;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The pages anyone may open: the sign-in landing page, signed out, session expired, sign-in failed. */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class PublicPages {

    @CheckedTemplate(basePath = "public")
    static class Templates {
        static native TemplateInstance signIn();

        static native TemplateInstance signedOut();

        static native TemplateInstance sessionExpired();

        static native TemplateInstance signInFailed();
    }

    @Inject
    Staff staff;

    /** Signed in: straight to the inbox; else the sign-in page, whose button opens Keycloak's login form. */
    @GET
    public Response signIn() {
        if (staff.isSignedIn()) {
            return Response.seeOther(URI.create(Globals.base() + "canh-bao")).build();
        }
        return Response.ok(Templates.signIn()).build();
    }

    @GET
    @Path("da-dang-xuat")
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }

    @GET
    @Path("het-phien")
    public Response sessionExpired() {
        return Response.status(401).entity(Templates.sessionExpired()).build();
    }

    @GET
    @Path("loi-dang-nhap")
    public Response signInFailed() {
        return Response.status(401).entity(Templates.signInFailed()).build();
    }
}
