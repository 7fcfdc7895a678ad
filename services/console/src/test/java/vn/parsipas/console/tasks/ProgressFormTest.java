package vn.parsipas.console.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.parsipas.console.clients.ServiceProblem;

class ProgressFormTest {
    @Test
    void aPercentWithADecimalCommaAndAWebLinkIsAccepted() {
        ProgressForm form = new ProgressForm("40,5", "Đã rà soát 120 thủ tục.", "https://stp.daklak.gov.vn/van-ban/1", "k");
        assertThat(form.check().isEmpty()).isTrue();
        assertThat(form.toRequest().percentComplete()).isEqualByComparingTo(new BigDecimal("40.5"));
        assertThat(form.toRequest().evidenceUrl()).isEqualTo("https://stp.daklak.gov.vn/van-ban/1");
    }

    @Test
    void eachMistakeIsNamedOnItsFieldInVietnamese() {
        assertThat(new ProgressForm("", null, null, "k").check().message("phan-tram")).contains("từ 0 đến 100");
        assertThat(new ProgressForm("150", null, null, "k").check().message("phan-tram")).contains("từ 0 đến 100");
        assertThat(new ProgressForm("mười", null, null, "k").check().message("phan-tram")).contains("phải là một số");
        assertThat(new ProgressForm("12,345", null, null, "k").check().message("phan-tram")).contains("2 chữ số thập phân");
        assertThat(new ProgressForm("10", null, "ftp://files/a", "k").check().message("minh-chung")).contains("http://");
        assertThat(new ProgressForm("10", "x".repeat(4001), null, "k").check().message("noi-dung")).contains("4000");
    }

    @Test
    void whatTaskServiceStillRefusesLandsOnTheSameFields() {
        assertThat(ProgressForm.refused(new ServiceProblem(409, List.of(), "completed")).message("phan-tram")).contains("mở lại");
        assertThat(ProgressForm.refused(new ServiceProblem(400, List.of("reportProgress.request.evidenceUrl"), null))
                .message("minh-chung")).isNotNull();
    }
}
