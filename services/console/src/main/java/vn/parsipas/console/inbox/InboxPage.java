package vn.parsipas.console.inbox;

import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import vn.parsipas.console.ConsoleConfig;
import vn.parsipas.console.clients.NotificationApi;
import vn.parsipas.console.web.Directory;
import vn.parsipas.console.web.Globals;
import vn.parsipas.console.web.Staff;

/**
 * Hộp thư cảnh báo: the alerts of the person's agency by tab (open, acknowledged, escalated to it,
 * resolved) with counts and filters, a page at a time. The page subscribes to the live stream; when
 * it says something changed, htmx asks this resource for the list again (only the list fragment).
 */
@Path("/canh-bao")
@RolesAllowed({ Staff.COORDINATOR, Staff.AGENCY_STAFF })
@Produces(MediaType.TEXT_HTML)
public class InboxPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(Inbox inbox, Directory.Names names, String active);

        static native TemplateInstance inbox$list(Inbox inbox, Directory.Names names);
    }

    @Inject
    Staff staff;

    @Inject
    Directory directory;

    @Inject
    ConsoleConfig config;

    @RestClient
    NotificationApi notifications;

    @GET
    public Uni<TemplateInstance> inbox(@QueryParam("tab") String tab, @QueryParam("loai") String kind,
            @QueryParam("muc-do") String severity, @QueryParam("tieu-chi") String criterion,
            @QueryParam("tu-ngay") String from, @QueryParam("den-ngay") String to, @QueryParam("trang") String cursor,
            @QueryParam("ids") List<String> selected, @QueryParam("da-tiep-nhan") Integer acknowledged,
            @QueryParam("khong-tiep-nhan-duoc") Integer refused, @QueryParam("loi") String problem,
            @HeaderParam("HX-Request") boolean fragment) {
        String agency = staff.requireAgency();
        InboxFilter filter = InboxFilter.parse(tab, kind, severity, criterion, from, to);
        Set<String> ticked = selected == null ? Set.of() : Set.copyOf(selected);
        return Uni.combine().all().unis(
                notifications.counts(agency, filter.kind(), filter.severity(), filter.criterion(),
                        filter.from() == null ? null : filter.from().toString(), filter.to() == null ? null : filter.to().toString()),
                notifications.inbox(agency, filter.toQuery(cursor, config.pageSize())),
                directory.names())
                .asTuple().map(loaded -> {
                    var page = loaded.getItem2();
                    String self = filter.link(filter.tab(), cursor);
                    Inbox inbox = new Inbox(agency, filter, loaded.getItem1(),
                            page.items().stream().map(alert -> Inbox.row(alert, agency, ticked)).toList(),
                            page.nextCursor() == null ? null : filter.link(filter.tab(), page.nextCursor()),
                            cursor == null ? null : filter.link(filter.tab(), null), self,
                            Globals.base() + Inbox.stream(loaded.getItem1().lastUpdatedAt()),
                            Acknowledgements.outcome(acknowledged, refused), Acknowledgements.problem(problem));
                    return fragment ? Templates.inbox$list(inbox, loaded.getItem3())
                            : Templates.inbox(inbox, loaded.getItem3(), "inbox");
                });
    }
}
