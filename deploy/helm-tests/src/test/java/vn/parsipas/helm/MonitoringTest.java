package vn.parsipas.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The alerting rules (helm/parsipas/files/alerting-rules.yaml): valid and unit-tested with Debian's
 * promtool (.ci/run installs it), each with a runbook that exists, and shipped by the chart as a
 * PrometheusRule whose series the chart's ServiceMonitor labels suite="parsipas"; and the Grafana
 * dashboards (files/dashboards) in a ConfigMap for the dashboard sidecar.
 */
class MonitoringTest {
    private static final Path RULES = Chart.DIR.resolve("files/alerting-rules.yaml");

    @Test
    void theRulesPassPromtoolsCheckAndTheirUnitTests() throws Exception {
        assertThat(promtool("check", "rules", RULES.toString())).contains("SUCCESS: 6 rules found");
        assertThat(promtool("test", "rules", Chart.DIR.resolve("files/alerting-rules.test.yaml").toString())).contains("SUCCESS");
    }

    @Test
    void everyAlertHasARunbookAndIsTestedBothWays() throws IOException {
        String tests = Files.readString(Chart.DIR.resolve("files/alerting-rules.test.yaml"));
        for (JsonNode rule : rules(Chart.yaml(RULES))) {
            String alert = rule.path("alert").asText();
            String runbook = rule.at("/annotations/runbook_url").asText();
            assertThat(Chart.REPO.resolve(runbook)).as("%s's runbook", alert).isRegularFile();
            assertThat(Files.readString(Chart.REPO.resolve(runbook))).as("%s's runbook", alert)
                    .contains("## What it means").contains("## How to look").contains("## How to fix");
            assertThat(tests).as("%s fires in a test and stays quiet in another", alert)
                    .contains("alertname: " + alert + "\n        exp_alerts: []").contains("alertname: " + alert + "\n        exp_alerts:\n");
        }
    }

    @Test
    void thePrometheusRuleCarriesTheTestedRulesWithRunbookLinksAndTheServiceMonitorLabelsTheSeries() {
        Chart.Rendered off = Chart.renderDefaults();
        assertThat(off.ofKind("PrometheusRule")).isEmpty();

        Chart.Rendered on = Chart.render(command -> command.set("prometheusRule.enabled", true)
                .set("prometheusRule.labels.release", "kube-prometheus-stack")
                .set("prometheusRule.runbookBaseUrl", "https://git.daklak.gov.vn/parsipas/blob/main/docs/runbooks")
                .set("serviceMonitor.enabled", true));
        JsonNode rule = on.ofKind("PrometheusRule").get(0);
        assertThat(rule.at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus-stack");
        List<JsonNode> shipped = rules(rule.path("spec"));
        List<JsonNode> tested = rules(Chart.yaml(RULES));
        assertThat(shipped).hasSameSizeAs(tested);
        for (int i = 0; i < tested.size(); i++) {
            assertThat(shipped.get(i).path("expr")).isEqualTo(tested.get(i).path("expr"));
            assertThat(shipped.get(i).at("/annotations/runbook_url").asText()).isEqualTo("https://git.daklak.gov.vn/parsipas/blob/main/"
                    + tested.get(i).at("/annotations/runbook_url").asText());
        }
        JsonNode endpoint = on.ofKind("ServiceMonitor").get(0).at("/spec/endpoints/0");
        assertThat(endpoint.path("relabelings").toString()).contains("\"targetLabel\":\"suite\"").contains("\"replacement\":\"parsipas\"");
    }

    @Test
    void theDashboardsShipForGrafanasSidecarAndEveryPanelReadsTheSuitesSeries() throws IOException {
        assertThat(Chart.renderDefaults().objects()).noneMatch(o -> o.at("/metadata/name").asText().endsWith("-dashboards"));
        JsonNode configMap = Chart.render(command -> command.set("grafanaDashboards.enabled", true))
                .named("ConfigMap", Chart.RELEASE + "-dashboards");
        assertThat(configMap.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
        // the suite at a glance and one per service
        List<String> shipped = List.of("parsipas-suite.json", "parsipas-task-service.json", "parsipas-indicator-service.json",
                "parsipas-survey-service.json", "parsipas-notification-service.json");
        List<String> names = new ArrayList<>();
        configMap.path("data").fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrderElementsOf(shipped);
        Set<String> uids = new HashSet<>();
        for (String name : shipped) {
            JsonNode dashboard = new com.fasterxml.jackson.databind.ObjectMapper().readTree(configMap.at("/data/" + name).asText());
            assertThat(dashboard).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(Chart.DIR.resolve("files/dashboards/" + name).toFile()));
            assertThat(uids.add(dashboard.path("uid").asText())).as("%s has a uid of its own", name).isTrue();
            assertThat(dashboard.path("panels")).as(name).hasSizeGreaterThanOrEqualTo(10).allSatisfy(panel -> {
                assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
                panel.path("targets").forEach(target -> assertThat(target.path("expr").asText()).contains("suite=\"parsipas\""));
            });
        }
    }

    private static List<JsonNode> rules(JsonNode groups) {
        List<JsonNode> rules = new ArrayList<>();
        groups.path("groups").forEach(group -> group.path("rules").forEach(rules::add));
        assertThat(rules).isNotEmpty();
        return rules;
    }

    private static String promtool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException missing) {
            throw new AssertionError("promtool is missing: install Debian's prometheus package (.ci/run does)", missing);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
