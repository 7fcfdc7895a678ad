package vn.parsipas.console.web;

import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;

/**
 * What a person sees when something is not as expected: friendly Vietnamese pages, never internals.
 * Another agency's alert or task (the service answers 403 or 404) is the not-found page, so a direct
 * URL reveals nothing; a token the service refuses means the session is over; anything else is the
 * error page with an incident id that is also in the log beside the failure.
 */
public class PageErrors {
    private static final Logger LOG = Logger.getLogger(PageErrors.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance notFound();

        static native TemplateInstance forbidden();

        static native TemplateInstance badRequest();

        static native TemplateInstance error(String incident);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, Templates.notFound());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403, Templates.forbidden());
    }

    @ServerExceptionMapper
    public Response fromService(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 403 || status == 404) {
            return page(404, Templates.notFound());
        }
        if (status == 401) {
            return page(401, PublicPages.Templates.sessionExpired()); // the same page as Quarkus' session-expired path
        }
        if (status >= 400 && status < 500) {
            return page(status, Templates.badRequest());
        }
        return incident(e, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 100)
    public Response failure(RuntimeException e, UriInfo uri) {
        return incident(e, uri);
    }

    /** A service that cannot be reached (connection refused, reset) surfaces as an IOException. */
    @ServerExceptionMapper
    public Response unreachable(java.io.IOException e, UriInfo uri) {
        return incident(e, uri);
    }

    private static Response incident(Throwable e, UriInfo uri) {
        String incident = incidentId();
        LOG.errorf(e, "incident %s on %s", incident, uri.getPath());
        return page(500, Templates.error(incident));
    }

    static String incidentId() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        String hex = HexFormat.of().withUpperCase().formatHex(bytes);
        return hex.substring(0, 4) + "-" + hex.substring(4);
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render())
                .header("Cache-Control", "no-store").build();
    }
}
