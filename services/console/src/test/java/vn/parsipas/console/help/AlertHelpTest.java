package vn.parsipas.console.help;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertHelpTest {

    @Test
    void eachKindsHeadingIsAnAnchorAndLinksIntoTheRepositoryBecomeText() {
        String html = AlertHelp.render("""
                # Khi nào có cảnh báo
                See [notification-service](notification-service.md) and [the rules](#chung).

                ## 2. Nhiệm vụ quá hạn · Task overdue — `task-overdue` (critical)

                | a | b |
                | --- | --- |
                | <script>x</script> | `code` |
                """);
        assertThat(html).contains("<h2 id=\"task-overdue\">").contains("See notification-service and <a href=\"#chung\">the rules</a>")
                .contains("<table>").contains("&lt;script&gt;").doesNotContain("<script>").doesNotContain(".md");
    }

    @Test
    void theShippedPageCoversEveryAlertKind() throws Exception {
        String html = AlertHelp.render(new String(AlertHelp.class.getClassLoader().getResourceAsStream("help/alerts.md").readAllBytes()));
        for (String kind : new String[] { "task-due-soon", "task-overdue", "target-at-risk", "target-missed", "target-no-data",
                "target-no-baseline", "satisfaction-below-target" }) {
            assertThat(html).contains("id=\"" + kind + "\"");
        }
    }
}
