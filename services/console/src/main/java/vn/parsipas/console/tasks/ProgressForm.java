package vn.parsipas.console.tasks;

import java.math.BigDecimal;
import java.net.URI;

import io.quarkus.qute.TemplateData;
import vn.parsipas.console.clients.ServiceProblem;
import vn.parsipas.console.clients.Task;
import vn.parsipas.console.web.FormErrors;

/**
 * The progress report form as typed (percent with a comma or a dot, a note, an optional evidence
 * link), checked with task-service's rules so that each mistake is shown next to its field before
 * the service is asked; what the service still refuses is mapped back to the same fields.
 */
@TemplateData
public record ProgressForm(String percent, String note, String evidence, String submissionId) {
    static final int MAX_NOTE = 4000;
    static final int MAX_LINK = 2000;

    public static ProgressForm empty(String submissionId) {
        return new ProgressForm("", "", "", submissionId);
    }

    FormErrors check() {
        FormErrors errors = new FormErrors();
        BigDecimal value = percentValue();
        if (percent == null || percent.isBlank()) {
            errors.add("phan-tram", "Nhập tỷ lệ hoàn thành, từ 0 đến 100.");
        } else if (value == null) {
            errors.add("phan-tram", "Tỷ lệ hoàn thành phải là một số, ví dụ 45 hoặc 62,5.");
        } else if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.add("phan-tram", "Tỷ lệ hoàn thành phải từ 0 đến 100.");
        } else if (value.scale() > 2) {
            errors.add("phan-tram", "Tỷ lệ hoàn thành có tối đa 2 chữ số thập phân.");
        }
        if (note != null && note.length() > MAX_NOTE) {
            errors.add("noi-dung", "Nội dung báo cáo tối đa " + MAX_NOTE + " ký tự.");
        }
        if (evidence != null && !evidence.isBlank() && !isWebLink(evidence.strip())) {
            errors.add("minh-chung", "Đường dẫn minh chứng phải là địa chỉ web bắt đầu bằng http:// hoặc https://.");
        } else if (evidence != null && evidence.length() > MAX_LINK) {
            errors.add("minh-chung", "Đường dẫn minh chứng tối đa " + MAX_LINK + " ký tự.");
        }
        return errors;
    }

    Task.Progress toRequest() {
        return new Task.Progress(percentValue(), blankToNull(note), blankToNull(evidence));
    }

    /** What task-service refused, on the fields of this form. */
    static FormErrors refused(ServiceProblem problem) {
        FormErrors errors = new FormErrors();
        if (problem.status() == 409) {
            errors.add("phan-tram", "Nhiệm vụ đã hoàn thành nên không báo cáo tiến độ được nữa; cơ quan điều phối cần mở lại nhiệm vụ trước.");
        } else if (problem.names("percentComplete")) {
            errors.add("phan-tram", "Tỷ lệ hoàn thành phải từ 0 đến 100, tối đa 2 chữ số thập phân.");
        } else if (problem.names("evidenceUrl")) {
            errors.add("minh-chung", "Đường dẫn minh chứng phải là địa chỉ web bắt đầu bằng http:// hoặc https://.");
        } else if (problem.names("note")) {
            errors.add("noi-dung", "Nội dung báo cáo tối đa " + MAX_NOTE + " ký tự.");
        } else {
            errors.add("phan-tram", "Báo cáo chưa được ghi nhận. Vui lòng kiểm tra lại thông tin.");
        }
        return errors;
    }

    private BigDecimal percentValue() {
        if (percent == null || percent.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(percent.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isWebLink(String text) {
        try {
            URI uri = URI.create(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
