package vn.parsipas.console.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InboxFilterTest {
    @Test
    void eachTabAsksForItsAlerts() {
        assertThat(InboxFilter.parse(null, null, null, null, null, null).tab()).isEqualTo(InboxFilter.Tab.OPEN);
        var escalated = InboxFilter.parse("chuyen-len", null, null, null, null, null).toQuery(null, 50);
        assertThat(escalated.status).isEqualTo("active");
        assertThat(escalated.holding).isEqualTo("escalation");
        var resolved = InboxFilter.parse("da-xu-ly", "task-overdue", "critical", "1.16", "2025-12-01", "2025-12-31").toQuery("c", 50);
        assertThat(resolved.status).isEqualTo("resolved");
        assertThat(resolved.holding).isNull();
        assertThat(resolved.kind).isEqualTo("task-overdue");
        assertThat(resolved.raisedFrom).isEqualTo("2025-12-01");
        assertThat(resolved.cursor).isEqualTo("c");
    }

    @Test
    void valuesThePageDoesNotOfferAreIgnoredAndWrongDatesAreNamed() {
        InboxFilter filter = InboxFilter.parse("x", "drop-table", "urgent", "1.16'", "31/12/2025", "2025-01-01");
        assertThat(filter.tab()).isEqualTo(InboxFilter.Tab.OPEN);
        assertThat(filter.kind()).isNull();
        assertThat(filter.severity()).isNull();
        assertThat(filter.criterion()).isNull();
        assertThat(filter.errors().message("tieu-chi")).contains("1.16");
        assertThat(filter.errors().message("tu-ngay")).contains("không hợp lệ");

        InboxFilter reversed = InboxFilter.parse(null, null, null, null, "2025-12-31", "2025-12-01");
        assertThat(reversed.errors().message("den-ngay")).contains("phải sau");
        assertThat(reversed.to()).isNull();
    }

    @Test
    void linksKeepTheFiltersAndLeaveOutEmptyOnes() {
        InboxFilter filter = InboxFilter.parse(null, "task-overdue", null, "1.16", null, null);
        assertThat(filter.link(InboxFilter.Tab.RESOLVED, null)).isEqualTo("/canh-bao?tab=da-xu-ly&loai=task-overdue&tieu-chi=1.16");
        assertThat(Acknowledgements.safeReturn("https://evil.example/")).isEqualTo("canh-bao");
        assertThat(Acknowledgements.safeReturn("//evil.example")).isEqualTo("canh-bao");
        assertThat(Acknowledgements.safeReturn("canh-bao?tab=da-tiep-nhan")).isEqualTo("canh-bao?tab=da-tiep-nhan");
    }
}
