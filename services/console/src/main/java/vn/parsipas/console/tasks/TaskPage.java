package vn.parsipas.console.tasks;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

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

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import vn.parsipas.console.clients.Criterion;
import vn.parsipas.console.clients.ServiceProblem;
import vn.parsipas.console.clients.Task;
import vn.parsipas.console.clients.TaskApi;
import vn.parsipas.console.web.Directory;
import vn.parsipas.console.web.FormErrors;
import vn.parsipas.console.web.Globals;
import vn.parsipas.console.web.Staff;
import vn.parsipas.console.web.Wording;

/**
 * One task: deadline with its badges, the plan criterion it serves, its history (changes and progress
 * reports), and for the lead agency the progress report and completion forms; a coordinator may also
 * reopen a completed task (task-service's rules; its refusals are shown next to the fields).
 */
@Path("/nhiem-vu/{id}")
@RolesAllowed({ Staff.COORDINATOR, Staff.AGENCY_STAFF })
public class TaskPage {

    @TemplateData
    public record Entry(Instant at, String what, String detail, String link) {
    }

    @TemplateData
    public record View(Task task, Criterion criterion, List<Entry> history, boolean mayReport, boolean mayReopen,
            ProgressForm progress, FormErrors errors, String flash) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance task(View view, Directory.Names names, String active);
    }

    @Inject
    Staff staff;

    @Inject
    Directory directory;

    @RestClient
    TaskApi tasks;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> task(@PathParam("id") String id, @QueryParam("da-luu") String saved) {
        return page(id, ProgressForm.empty(UUID.randomUUID().toString()), new FormErrors(), flash(saved));
    }

    @POST
    @Path("/tien-do")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> reportProgress(@PathParam("id") String id, @RestForm("phan-tram") String percent,
            @RestForm("noi-dung") String note, @RestForm("minh-chung") String evidence, @RestForm("ma-gui") String submissionId) {
        ProgressForm form = new ProgressForm(percent, note, evidence,
                submissionId == null || submissionId.isBlank() ? UUID.randomUUID().toString() : submissionId);
        FormErrors errors = form.check();
        if (!errors.isEmpty()) {
            return page(id, form, errors, null).map(page -> Response.status(400).entity(page).build());
        }
        return tasks.reportProgress(id, form.submissionId(), form.toRequest())
                .map(report -> saved(id, "tien-do"))
                .onFailure(failure -> isRefusal(failure)).recoverWithUni(failure ->
                        page(id, form, ProgressForm.refused(ServiceProblem.of(failure)), null)
                                .map(page -> Response.status(400).entity(page).build()));
    }

    @POST
    @Path("/hoan-thanh")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> complete(@PathParam("id") String id, @RestForm("ghi-chu-hoan-thanh") String note) {
        if (note != null && note.length() > ProgressForm.MAX_NOTE) {
            return refusedForm(id, "ghi-chu-hoan-thanh", "Ghi chú tối đa " + ProgressForm.MAX_NOTE + " ký tự.");
        }
        return tasks.complete(id, new Task.Note(note == null || note.isBlank() ? null : note.strip()))
                .map(done -> saved(id, "hoan-thanh"))
                .onFailure(failure -> isRefusal(failure)).recoverWithUni(failure -> refusedForm(id, "ghi-chu-hoan-thanh",
                        "Nhiệm vụ chưa được ghi nhận hoàn thành: nhiệm vụ đã hoàn thành trước đó hoặc đã rút khỏi kế hoạch."));
    }

    @POST
    @Path("/mo-lai")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> reopen(@PathParam("id") String id, @RestForm("ly-do") String reason) {
        if (reason == null || reason.isBlank()) {
            return refusedForm(id, "ly-do", "Nhập lý do mở lại nhiệm vụ.");
        }
        if (reason.length() > ProgressForm.MAX_NOTE) {
            return refusedForm(id, "ly-do", "Lý do tối đa " + ProgressForm.MAX_NOTE + " ký tự.");
        }
        return tasks.reopen(id, new Task.Reason(reason.strip()))
                .map(done -> saved(id, "mo-lai"))
                .onFailure(failure -> isRefusal(failure)).recoverWithUni(failure -> refusedForm(id, "ly-do",
                        "Chỉ mở lại được nhiệm vụ đã hoàn thành."));
    }

    private Uni<Response> refusedForm(String id, String field, String message) {
        return page(id, ProgressForm.empty(UUID.randomUUID().toString()), new FormErrors().add(field, message), null)
                .map(page -> Response.status(400).entity(page).build());
    }

    private Uni<TemplateInstance> page(String id, ProgressForm form, FormErrors errors, String flash) {
        return Uni.combine().all().unis(tasks.task(id), tasks.history(id), tasks.reports(id), directory.names()).asTuple()
                .chain(loaded -> criterion(loaded.getItem1()).map(criterion -> {
                    Task task = loaded.getItem1();
                    boolean lead = staff.isCoordinator() || task.leadAgency().equals(staff.agency());
                    View view = new View(task, criterion, history(loaded.getItem2(), loaded.getItem3(), loaded.getItem4()),
                            lead && !task.isCompleted() && !"withdrawn".equals(task.status()),
                            staff.isCoordinator() && task.isCompleted(), form, errors, flash);
                    return Templates.task(view, loaded.getItem4(), "tasks");
                }));
    }

    private Uni<Criterion> criterion(Task task) {
        if (task.planId() == null || task.criterionCode() == null) {
            return Uni.createFrom().nullItem();
        }
        return tasks.criteria(task.planId()).map(list -> list.stream().filter(c -> c.code().equals(task.criterionCode()))
                .findFirst().orElse(null)).onFailure().recoverWithNull();
    }

    static List<Entry> history(List<Task.Change> changes, List<Task.Report> reports, Directory.Names names) {
        List<Entry> entries = new ArrayList<>();
        for (Task.Change change : changes) {
            StringBuilder detail = new StringBuilder();
            if ("deadline-changed".equals(change.change())) {
                detail.append("Hạn mới ").append(Wording.date(change.deadline())).append(" (trước đây ")
                        .append(Wording.date(change.previousDeadline())).append("). ");
            }
            if ("reassigned".equals(change.change())) {
                detail.append("Cơ quan chủ trì: ").append(names.of(change.leadAgency())).append(" (trước đây ")
                        .append(names.of(change.previousLeadAgency())).append("). ");
            }
            if (change.reason() != null) {
                detail.append(change.reason());
            }
            entries.add(new Entry(change.at(), Wording.taskChange(change.change()) + " – " + change.actor(),
                    detail.toString().strip(), null));
        }
        for (Task.Report report : reports) {
            entries.add(new Entry(report.reportedAt(), "Báo cáo tiến độ " + Wording.figure(report.percentComplete(), "percent") + " – "
                    + report.reportedBy() + " (" + names.of(report.reportingAgency()) + ")",
                    report.note() == null ? "" : report.note(), report.evidenceUrl()));
        }
        entries.sort(Comparator.comparing(Entry::at).reversed());
        return entries;
    }

    private static boolean isRefusal(Throwable failure) {
        ServiceProblem problem = ServiceProblem.of(failure);
        return problem != null && (problem.status() == 400 || problem.status() == 409 || problem.status() == 422);
    }

    private static Response saved(String id, String what) {
        return Response.seeOther(URI.create(Globals.base() + "nhiem-vu/" + id + "?da-luu=" + what)).build();
    }

    private static String flash(String saved) {
        return switch (saved == null ? "" : saved) {
            case "tien-do" -> "Đã ghi nhận báo cáo tiến độ.";
            case "hoan-thanh" -> "Đã ghi nhận nhiệm vụ hoàn thành; cảnh báo về nhiệm vụ này sẽ được đóng.";
            case "mo-lai" -> "Đã mở lại nhiệm vụ.";
            default -> null;
        };
    }
}
