package vn.parsipas.console.clients;

import java.util.List;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** notification-service's REST API, called with the signed-in person's access token. */
@RegisterRestClient(configKey = "notification")
@RegisterProvider(PersonsToken.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface NotificationApi {

    @GET
    @Path("/agencies/{code}/alerts")
    Uni<Page<Alert>> inbox(@PathParam("code") String agency, @BeanParam AlertQuery query);

    @GET
    @Path("/agencies/{code}/alerts/counts")
    Uni<AlertCounts> counts(@PathParam("code") String agency, @QueryParam("kind") String kind,
            @QueryParam("severity") String severity, @QueryParam("criterion") String criterion,
            @QueryParam("raisedFrom") String raisedFrom, @QueryParam("raisedTo") String raisedTo);

    /** Every alert the person may see (the whole province for a coordinator), newest first. */
    @GET
    @Path("/alerts")
    Uni<Page<Alert>> alerts(@QueryParam("status") String status, @QueryParam("criterion") String criterion,
            @QueryParam("cursor") String cursor, @QueryParam("limit") int limit);

    /** Every alert the person may see raised since a day (yyyy-MM-dd), whatever its status, newest first. */
    @GET
    @Path("/alerts")
    Uni<Page<Alert>> alertsRaisedFrom(@QueryParam("raisedFrom") String raisedFrom, @QueryParam("cursor") String cursor,
            @QueryParam("limit") int limit);

    @GET
    @Path("/alerts/{id}")
    Uni<AlertDetail> alert(@PathParam("id") String id);

    @POST
    @Path("/alerts/{id}/acknowledgements")
    Uni<Alert> acknowledge(@PathParam("id") String id, Acknowledgement body);

    @GET
    @Path("/agencies/{code}/webhook")
    Uni<Webhook.Status> webhook(@PathParam("code") String agency);

    @GET
    @Path("/agencies/{code}/webhook/deliveries")
    Uni<Page<Webhook.Delivery>> webhookDeliveries(@PathParam("code") String agency, @QueryParam("cursor") String cursor,
            @QueryParam("limit") int limit);

    @PUT
    @Path("/agencies/{code}/webhook-secret")
    Uni<Void> setWebhookSecret(@PathParam("code") String agency, Webhook.Secret body);

    @POST
    @Path("/agencies/{code}/webhook/test")
    Uni<Webhook.Ping> testWebhook(@PathParam("code") String agency);

    @GET
    @Path("/silences")
    Uni<List<Silence>> silences();

    @POST
    @Path("/silences")
    Uni<Silence> silence(Silence.New body);

    @DELETE
    @Path("/silences/{id}")
    Uni<Silence> endSilence(@PathParam("id") String id);

    record Acknowledgement(String agencyCode, String comment) {
    }
}
