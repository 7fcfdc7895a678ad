package vn.parsipas.contracts.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertLabelsTest {

    @Test
    void everyAlertKindOfTheSchemasHasItsOwnWord() {
        assertThat(AlertLabels.kind("task-due-soon")).isEqualTo("Nhiệm vụ sắp đến hạn");
        assertThat(AlertLabels.kind("task-overdue")).isEqualTo("Nhiệm vụ quá hạn");
        assertThat(AlertLabels.kind("target-at-risk")).isEqualTo("Mục tiêu có nguy cơ không đạt");
        assertThat(AlertLabels.kind("target-missed")).isEqualTo("Mục tiêu không đạt");
        assertThat(AlertLabels.kind("target-no-data")).isEqualTo("Thiếu số liệu của chỉ tiêu");
        assertThat(AlertLabels.kind("target-no-baseline")).isEqualTo("Chưa có số liệu năm gốc của chỉ tiêu");
        assertThat(AlertLabels.kind("satisfaction-below-target")).isEqualTo("Chỉ số hài lòng dưới mục tiêu");
        assertThat(AlertLabels.kind("some-future-kind")).as("a kind this reader does not know yet").isEqualTo("Cảnh báo");
    }

    @Test
    void aTransitionReadsAsOneWordWhateverItsCount() {
        assertThat(AlertLabels.transition("raised")).isEqualTo("Cảnh báo mới");
        assertThat(AlertLabels.transition("repeated-3")).isEqualTo("Nhắc lại");
        assertThat(AlertLabels.transition("escalated-2")).isEqualTo("Chuyển cấp trên");
        assertThat(AlertLabels.transition("reassigned-SNV")).isEqualTo("Giao lại");
        assertThat(AlertLabels.transition("resolved")).isEqualTo("Đã xử lý xong");
    }

    @Test
    void aMissingCodeReadsAsTheNeutralWordNotAnError() {
        assertThat(AlertLabels.severity(null)).isEqualTo("Thông tin");
        assertThat(AlertLabels.status(null)).isEqualTo("Đã xử lý xong");
        assertThat(AlertLabels.resolution(null)).isEqualTo("Đã đóng");
        assertThat(AlertLabels.role(null)).isEmpty();
        assertThat(AlertLabels.timeline(null)).isEqualTo("Ghi nhận");
        assertThat(AlertLabels.transition(null)).isEqualTo("Cảnh báo mới");
    }
}
