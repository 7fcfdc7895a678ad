package vn.parsipas.console.inbox;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;

import io.smallrye.mutiny.Uni;
import vn.parsipas.console.clients.NotificationApi;
import vn.parsipas.console.web.Globals;
import vn.parsipas.console.web.Staff;

/**
 * Tiếp nhận: acknowledges one or several alerts for the person's agency, with an optional note, then
 * returns to the page the form came from with how many were acknowledged. notification-service decides
 * who may: an alert already acknowledged or resolved, or held only in copy, is counted as refused.
 */
@Path("/canh-bao/tiep-nhan")
@RolesAllowed({ Staff.COORDINATOR, Staff.AGENCY_STAFF })
public class Acknowledgements {
    static final int MAX_NOTE = 2000;
    private static final Logger LOG = Logger.getLogger(Acknowledgements.class);

    @Inject
    Staff staff;

    @RestClient
    NotificationApi notifications;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> acknowledge(@RestForm List<String> ids, @RestForm("ghi-chu") String note,
            @RestForm("quay-ve") String back) {
        String agency = staff.requireAgency();
        String returnTo = safeReturn(back);
        String comment = note == null || note.isBlank() ? null : note.strip();
        if (comment != null && comment.length() > MAX_NOTE) {
            return Uni.createFrom().item(redirect(returnTo, "loi", "ghi-chu-dai"));
        }
        List<String> chosen = ids == null ? List.of() : ids.stream().filter(id -> id != null && !id.isBlank()).distinct().limit(200).toList();
        if (chosen.isEmpty()) {
            return Uni.createFrom().item(redirect(returnTo, "loi", "chua-chon"));
        }
        List<Uni<Boolean>> calls = chosen.stream().map(id -> notifications
                .acknowledge(id, new NotificationApi.Acknowledgement(agency, comment))
                .map(done -> true)
                .onFailure().recoverWithItem(failure -> {
                    LOG.infof("acknowledgement of alert %s for %s refused: %s", id, agency, failure.getMessage());
                    return false;
                })).toList();
        return Uni.join().all(calls).andFailFast().map(results -> {
            long done = results.stream().filter(ok -> ok).count();
            String query = "da-tiep-nhan=" + done + (done < results.size() ? "&khong-tiep-nhan-duoc=" + (results.size() - done) : "");
            return Response.seeOther(URI.create(Globals.base() + returnTo + (returnTo.contains("?") ? "&" : "?") + query)).build();
        });
    }

    /** The message after acknowledging, from the counts the redirect carries. */
    public static String outcome(Integer acknowledged, Integer refused) {
        if (acknowledged == null) {
            return null;
        }
        String text = acknowledged == 0 ? "" : "Đã tiếp nhận " + acknowledged + " cảnh báo; việc chuyển cấp trên của các cảnh báo này đã dừng.";
        if (refused != null && refused > 0) {
            text += (text.isEmpty() ? "" : " ") + refused + " cảnh báo không tiếp nhận được vì đã được tiếp nhận, đã xử lý xong "
                    + "hoặc cơ quan chỉ nhận bản sao để phối hợp.";
        }
        return text.isEmpty() ? null : text;
    }

    /** The problem that stopped the form, from the redirect's {@code loi}. */
    public static String problem(String code) {
        return switch (code == null ? "" : code) {
            case "chua-chon" -> "Chưa chọn cảnh báo nào: đánh dấu các cảnh báo cần tiếp nhận rồi bấm \"Tiếp nhận\".";
            case "ghi-chu-dai" -> "Ghi chú quá dài: tối đa " + MAX_NOTE + " ký tự.";
            default -> null;
        };
    }

    /** Only the console's own pages are returned to (never an address from elsewhere). */
    static String safeReturn(String back) {
        if (back != null && back.matches("^(canh-bao|cap-tren)[A-Za-z0-9/?&=%._~+-]*$")) {
            return back;
        }
        return "canh-bao";
    }

    private static Response redirect(String returnTo, String key, String value) {
        return Response.seeOther(URI.create(Globals.base() + returnTo + (returnTo.contains("?") ? "&" : "?") + key + "=" + value))
                .build();
    }
}
