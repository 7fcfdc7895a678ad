package vn.parsipas.console.settings;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import vn.parsipas.console.clients.Agency;
import vn.parsipas.console.clients.NotificationApi;
import vn.parsipas.console.clients.ServiceProblem;
import vn.parsipas.console.clients.Silence;
import vn.parsipas.console.clients.TaskApi;
import vn.parsipas.console.clients.Webhook;
import vn.parsipas.console.web.FormErrors;
import vn.parsipas.console.web.Globals;
import vn.parsipas.console.web.Staff;
import vn.parsipas.console.web.Wording;

/**
 * Cài đặt cơ quan, as the roles allow: staff see their agency's e-mail recipients and webhook, rotate
 * its signing secret, send a test and read the delivery log; a coordinator does so for any agency
 * (co-quan) and also edits the recipients and webhook URL (task-service's directory) and the silences.
 */
@Path("/cai-dat")
@RolesAllowed({ Staff.COORDINATOR, Staff.AGENCY_STAFF })
@Produces(MediaType.TEXT_HTML)
public class SettingsPage {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Staff staff;

    @Inject
    SettingsView views;

    @RestClient
    TaskApi tasks;

    @RestClient
    NotificationApi notifications;

    @GET
    public Uni<TemplateInstance> settings(@QueryParam("co-quan") String agency, @QueryParam("da-luu") String saved) {
        return views.page(agencyOf(agency), SettingsView.Outcome.saved(saved));
    }

    @POST
    @Path("/thu-dien-tu")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> recipients(@RestForm("co-quan") String agencyCode, @RestForm("dia-chi") String addresses) {
        String agency = coordinatorsAgency(agencyCode);
        List<String> emails = Arrays.stream(addresses == null ? new String[0] : addresses.split("[\\s,;]+"))
                .map(String::strip).filter(e -> !e.isEmpty()).distinct().toList();
        FormErrors errors = new FormErrors();
        if (emails.size() > 20) {
            errors.add("dia-chi", "Tối đa 20 địa chỉ thư điện tử.");
        }
        emails.stream().filter(e -> !e.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") || e.length() > 254).findFirst()
                .ifPresent(bad -> errors.add("dia-chi", "Địa chỉ không hợp lệ: " + bad));
        if (!errors.isEmpty()) {
            return views.page(agency, SettingsView.Outcome.errors(errors)).map(page -> Response.status(400).entity(page).build());
        }
        return changeAgency(agency, current -> new Agency.Change(current.name(), current.kind(), current.parentCode(), emails,
                current.webhookUrl(), current.active()), "dia-chi", "thu-dien-tu");
    }

    @POST
    @Path("/webhook")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> webhookUrl(@RestForm("co-quan") String agencyCode, @RestForm("dia-chi-webhook") String url) {
        String agency = coordinatorsAgency(agencyCode);
        String clean = url == null || url.isBlank() ? null : url.strip();
        if (clean != null && (!clean.startsWith("https://") || clean.length() > 2000)) {
            return views.page(agency, SettingsView.Outcome.errors(new FormErrors().add("dia-chi-webhook",
                    "Địa chỉ webhook phải bắt đầu bằng https:// (tối đa 2000 ký tự)."))).map(page -> Response.status(400).entity(page).build());
        }
        return changeAgency(agency, current -> new Agency.Change(current.name(), current.kind(), current.parentCode(),
                current.emails(), clean, current.active()), "dia-chi-webhook", "webhook");
    }

    /** A new signing secret, typed or drawn here (256 bits), shown once on the answer page and never again. */
    @POST
    @Path("/khoa-webhook")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> rotateSecret(@RestForm("co-quan") String agencyCode, @RestForm("khoa-moi") String typed) {
        String agency = agencyOf(agencyCode);
        String secret = typed == null || typed.isBlank() ? newSecret() : typed.strip();
        if (secret.length() < 32 || secret.length() > 256) {
            return views.page(agency, SettingsView.Outcome.errors(new FormErrors().add("khoa-moi",
                    "Khóa ký phải dài từ 32 đến 256 ký tự; để trống để hệ thống tự tạo khóa."))).map(page -> Response.status(400).entity(page).build());
        }
        return notifications.setWebhookSecret(agency, new Webhook.Secret(secret))
                .chain(() -> views.page(agency, SettingsView.Outcome.secret(secret))).map(page -> Response.ok(page).build());
    }

    @POST
    @Path("/thu-webhook")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> testWebhook(@RestForm("co-quan") String agencyCode) {
        String agency = agencyOf(agencyCode);
        return notifications.testWebhook(agency)
                .map(SettingsView.Outcome::ping)
                .onFailure(failure -> ServiceProblem.of(failure) != null && ServiceProblem.of(failure).status() == 409)
                .recoverWithItem(failure -> SettingsView.Outcome.errors(new FormErrors().add("thu-webhook",
                        "Chưa thử gửi được: cơ quan cần có địa chỉ webhook và khóa ký trước.")))
                .chain(outcome -> views.page(agency, outcome));
    }

    @POST
    @Path("/tam-ngung")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> silence(@RestForm("co-quan") String agencyCode, @RestForm("ly-do") String reason,
            @RestForm("den-luc") String until) {
        String agency = coordinatorsAgency(agencyCode);
        FormErrors errors = new FormErrors();
        Instant ends = null;
        try {
            ends = until == null || until.isBlank() ? null : LocalDateTime.parse(until.strip()).atZone(Wording.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            errors.add("den-luc", "Thời điểm kết thúc không hợp lệ.");
        }
        if (ends == null && errors.isEmpty()) {
            errors.add("den-luc", "Chọn thời điểm kết thúc tạm ngưng.");
        }
        if (reason == null || reason.isBlank()) {
            errors.add("ly-do", "Nhập lý do tạm ngưng thông báo.");
        } else if (reason.length() > 1000) {
            errors.add("ly-do", "Lý do tối đa 1000 ký tự.");
        }
        if (!errors.isEmpty()) {
            return views.page(agency, SettingsView.Outcome.errors(errors)).map(page -> Response.status(400).entity(page).build());
        }
        return notifications.silence(new Silence.New(null, agency, null, ends, reason.strip()))
                .map(created -> saved(agency, "tam-ngung"))
                .onFailure(failure -> ServiceProblem.of(failure) != null && ServiceProblem.of(failure).status() == 400)
                .recoverWithUni(failure -> views.page(agency, SettingsView.Outcome.errors(new FormErrors().add("den-luc",
                        "Thời điểm kết thúc phải sau thời điểm hiện tại."))).map(page -> Response.status(400).entity(page).build()));
    }

    @POST
    @Path("/tam-ngung/{id}/ket-thuc")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> endSilence(@PathParam("id") String id, @RestForm("co-quan") String agencyCode) {
        String agency = coordinatorsAgency(agencyCode);
        return notifications.endSilence(id).map(ended -> saved(agency, "ket-thuc-tam-ngung"));
    }

    private Uni<Response> changeAgency(String agency, Function<Agency, Agency.Change> change, String field,
            String saved) {
        return tasks.agency(agency).chain(current -> tasks.updateAgency(agency, change.apply(current)))
                .map(updated -> saved(agency, saved))
                .onFailure(failure -> ServiceProblem.of(failure) != null && ServiceProblem.of(failure).status() == 400)
                .recoverWithUni(failure -> views.page(agency, SettingsView.Outcome.errors(new FormErrors().add(field,
                        "Danh bạ cơ quan không nhận giá trị này; vui lòng kiểm tra lại."))).map(page -> Response.status(400).entity(page).build()));
    }

    /** Staff work on their own agency; a coordinator on the agency chosen (co-quan), else their own. */
    private String agencyOf(String requested) {
        if (staff.isCoordinator() && requested != null && requested.matches("^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$")) {
            return requested;
        }
        return staff.requireAgency();
    }

    private String coordinatorsAgency(String requested) {
        if (!staff.isCoordinator()) {
            throw new ForbiddenException("only coordinators change the directory and silences");
        }
        return agencyOf(requested);
    }

    private static Response saved(String agency, String what) {
        return Response.seeOther(URI.create(Globals.base() + "cai-dat?co-quan=" + agency + "&da-luu=" + what)).build();
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
