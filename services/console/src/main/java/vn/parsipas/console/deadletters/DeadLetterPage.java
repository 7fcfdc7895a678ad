package vn.parsipas.console.deadletters;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import vn.parsipas.console.clients.DeadLetterApi;
import vn.parsipas.console.clients.Page;
import vn.parsipas.console.clients.ServiceProblem;
import vn.parsipas.console.web.FormErrors;
import vn.parsipas.console.web.Links;
import vn.parsipas.console.web.Staff;

/**
 * Bản ghi bị từ chối, for operators: each service's dead-letter topics with what waits and why; a
 * topic's records (reason, CloudEvent, the body's shape) to replay or discard with a reason, one by
 * one or every record with a reason; and the record of what operators did (nhat-ky).
 */
@Path("/ban-ghi-tu-choi")
@RolesAllowed(Staff.OPERATOR)
@Produces(MediaType.TEXT_HTML)
public class DeadLetterPage {
    private static final int PAGE = 50;
    private static final String PLACE = "^[0-9]{1,9}:[0-9]{1,19}$";
    private static final int MAX_COMMENT = 500;

    @TemplateData
    public record ServiceTopics(String service, String name, List<DeadLetterApi.TopicSummary> topics, boolean unreachable) {
    }

    @TemplateData
    public record ReasonLink(String reason, int count, String link) {
    }

    @TemplateData
    public record View(List<ServiceTopics> services, String service, String serviceName, String topic, String reason,
            List<ReasonLink> reasons, List<DeadLetterApi.Letter> letters, String nextLink, String flash, FormErrors errors,
            String comment) {
    }

    @TemplateData
    public record Log(String service, String serviceName, List<DeadLetterApi.Action> actions, String nextLink) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance deadLetters(View view, String active);

        static native TemplateInstance actions(Log log, String active);
    }

    @Inject
    DeadLetterClients clients;

    @GET
    public Uni<TemplateInstance> page(@QueryParam("dich-vu") String service, @QueryParam("chu-de") String topic,
            @QueryParam("ly-do") String reason, @QueryParam("trang") String cursor, @QueryParam("da-gui-lai") Integer replayed,
            @QueryParam("da-loai-bo") Integer discarded) {
        String flash = replayed != null ? "Đã gửi lại " + replayed + " bản ghi về chủ đề gốc."
                : discarded != null ? "Đã loại bỏ " + discarded + " bản ghi." : null;
        return view(service, topic, reason, cursor, flash, new FormErrors(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> act(@RestForm("dich-vu") String service, @RestForm("chu-de") String topic, @RestForm("ly-do") String reason,
            @RestForm("thao-tac") String action, @RestForm("chon") List<String> chosen, @RestForm("tat-ca") String everyWithReason,
            @RestForm("ghi-chu") String comment) {
        DeadLetterApi api = api(service);
        boolean discard = "loai-bo".equals(action);
        boolean all = "co".equals(everyWithReason) && reason != null && !reason.isBlank();
        List<String> places = chosen == null ? List.of() : chosen.stream().filter(place -> place.matches(PLACE)).toList();
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        FormErrors errors = new FormErrors();
        if (!all && places.isEmpty()) {
            errors.add("chon", "Chọn ít nhất một bản ghi, hoặc chọn áp dụng cho mọi bản ghi có lý do này.");
        }
        if (discard && note == null) {
            errors.add("ghi-chu", "Nhập lý do loại bỏ.");
        } else if (note != null && note.length() > MAX_COMMENT) {
            errors.add("ghi-chu", "Lý do tối đa " + MAX_COMMENT + " ký tự.");
        }
        if (!errors.isEmpty()) {
            return refused(service, topic, reason, errors, comment);
        }
        DeadLetterApi.Selection selection = new DeadLetterApi.Selection(all ? null : places.stream().map(place -> {
            String[] parts = place.split(":");
            return new DeadLetterApi.Place(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
        }).toList(), all ? reason : null, note);
        return (discard ? api.discard(topic, selection) : api.replay(topic, selection))
                .map(outcome -> Response.seeOther(URI.create(Links.page("ban-ghi-tu-choi", Links.query("dich-vu", service,
                        "chu-de", topic, discard ? "da-loai-bo" : "da-gui-lai", String.valueOf(outcome.count()))))).build())
                .onFailure(failure -> ServiceProblem.of(failure) != null && ServiceProblem.of(failure).status() < 500)
                .recoverWithUni(failure -> {
                    ServiceProblem problem = ServiceProblem.of(failure);
                    return refused(service, topic, reason, problem.names("comment") ? errors.add("ghi-chu",
                            "Dịch vụ không nhận lý do này; vui lòng nhập lại (một dòng, tối đa " + MAX_COMMENT + " ký tự).")
                            : errors.add("chon", problem.status() == 409
                                    ? "Có bản ghi đã được gửi lại hoặc loại bỏ, hoặc không gửi lại được (chủ đề gốc không rõ); tải lại trang và chọn lại."
                                    : "Có bản ghi đã chọn không còn trong hàng đợi; tải lại trang và chọn lại."), comment);
                });
    }

    @GET
    @Path("/nhat-ky")
    public Uni<TemplateInstance> actions(@QueryParam("dich-vu") String service, @QueryParam("trang") String cursor) {
        return api(service).actions(null, cursor, PAGE).map(page -> Templates.actions(new Log(service, DeadLetterClients.SERVICES.get(service),
                page.items(), page.nextCursor() == null ? null : Links.page("ban-ghi-tu-choi/nhat-ky",
                        Links.query("dich-vu", service, "trang", page.nextCursor()))), "dead-letters"));
    }

    private Uni<Response> refused(String service, String topic, String reason, FormErrors errors, String comment) {
        return view(service, topic, reason, null, null, errors, comment).map(page -> Response.status(400).entity(page).build());
    }

    private Uni<TemplateInstance> view(String service, String topic, String reason, String cursor, String flash, FormErrors errors,
            String comment) {
        List<Uni<ServiceTopics>> summaries = new ArrayList<>();
        DeadLetterClients.SERVICES.forEach((key, name) -> summaries.add(clients.of(key).topics()
                .map(topics -> new ServiceTopics(key, name, topics, false))
                .onFailure().recoverWithItem(new ServiceTopics(key, name, List.of(), true))));
        boolean chosen = service != null && topic != null && clients.of(service) != null;
        Uni<Page<DeadLetterApi.Letter>> letters = chosen
                ? clients.of(service).letters(topic, reason == null || reason.isBlank() ? null : reason, cursor, PAGE)
                : Uni.createFrom().item(new Page<>(List.of(), null));
        return Uni.join().all(summaries).andFailFast().chain(services -> letters.map(page -> Templates.deadLetters(new View(services,
                chosen ? service : null, chosen ? DeadLetterClients.SERVICES.get(service) : null, chosen ? topic : null,
                reason, chosen ? reasons(services, service, topic) : List.of(), page.items(), page.nextCursor() == null ? null
                        : Links.page("ban-ghi-tu-choi", Links.query("dich-vu", service, "chu-de", topic, "ly-do", reason,
                                "trang", page.nextCursor())), flash, errors, comment), "dead-letters")));
    }

    /** The reasons records of the topic wait for, each a link that filters the list by it. */
    private static List<ReasonLink> reasons(List<ServiceTopics> services, String service, String topic) {
        return services.stream().filter(s -> s.service().equals(service)).flatMap(s -> s.topics().stream())
                .filter(t -> t.topic().equals(topic)).flatMap(t -> t.reasons().stream())
                .map(r -> new ReasonLink(r.reason(), r.count(), Links.page("ban-ghi-tu-choi",
                        Links.query("dich-vu", service, "chu-de", topic, "ly-do", r.reason()))))
                .toList();
    }

    private DeadLetterApi api(String service) {
        DeadLetterApi api = service == null ? null : clients.of(service);
        if (api == null) {
            throw new NotFoundException("no such service: " + service);
        }
        return api;
    }
}
