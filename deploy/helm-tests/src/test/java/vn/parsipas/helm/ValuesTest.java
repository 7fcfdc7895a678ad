package vn.parsipas.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.LintResult;

/** What an operator meets at install time: strict lint, the schema's messages, what each values file renders. */
class ValuesTest {

    @Test
    void theChartLintsStrictly() {
        LintResult lint = Chart.lintStrict();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
        assertThat(lint.getMessages()).noneMatch(message -> message.contains("[WARNING]") || message.contains("[ERROR]"));
    }

    @Test
    void replicasThatAreNotANumberAreRefusedByTheSchema() {
        assertThatThrownBy(() -> Chart.render(command -> command.set("services.task.replicas", "two")))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("/services/task/replicas")
                .hasMessageContaining("want integer");
    }

    @Test
    void aMissingKafkaBootstrapIsRefusedByTheSchema() {
        assertThatThrownBy(() -> Chart.render(command -> command.set("kafka.bootstrapServers", "null")))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("missing property 'bootstrapServers'");
        assertThatThrownBy(() -> Chart.render(command -> command.set("kafka.bootstrapServers", "kafka")))
                .hasMessageContaining("/kafka/bootstrapServers")
                .hasMessageContaining("does not match pattern");
    }

    @Test
    void otherWrongValuesNameTheirPlace() {
        assertThatThrownBy(() -> Chart.render(command -> command.set("services.survey.database.existingSecret", "")))
                .hasMessageContaining("/services/survey/database/existingSecret");
        assertThatThrownBy(() -> Chart.render(command -> command.set("securityContext.readOnlyRootFilesystem", false)))
                .hasMessageContaining("/securityContext/readOnlyRootFilesystem");
        assertThatThrownBy(() -> Chart.render(command -> command.set("services.reporting.replicas", 1)))
                .hasMessageContaining("/services")
                .hasMessageContaining("reporting");
    }

    @Test
    void inconsistentSwitchesFailWithAnExplanation() {
        assertThatThrownBy(() -> Chart.render(command -> command.set("kafka.strimzi.users.enabled", true)))
                .hasMessageContaining("kafka.strimzi.users.enabled needs kafka.strimzi.topics.enabled");
        assertThatThrownBy(() -> Chart.render(command -> command.set("kafka.strimzi.topics.enabled", true)
                .set("kafka.strimzi.users.enabled", true)
                .set("kafka.externalProducers[0].clientId", "igate")
                .set("kafka.externalProducers[0].topics[0]", "plan.targets.v1")))
                .hasMessageContaining("igate may not write plan.targets.v1");
        assertThatThrownBy(() -> Chart.render(command -> command.set("keycloak.realmImport.enabled", true)))
                .hasMessageContaining("keycloak.realmImport.enabled needs the realm JSON");
    }

    @Test
    void withoutAutoscalingTheDeploymentKeepsItsReplicaCount() {
        Chart.Rendered release = Chart.render(command -> command.set("services.task.autoscaling.enabled", false)
                .set("services.task.replicas", 3));

        assertThat(release.named("Deployment", "parsipas-task-service").at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(release.named("HorizontalPodAutoscaler", "parsipas-task-service").isMissingNode()).isTrue();
        // With an autoscaler the Deployment leaves the count to it.
        assertThat(release.named("Deployment", "parsipas-survey-service").path("spec").has("replicas")).isFalse();
        assertThat(release.ofKind("HorizontalPodAutoscaler")).hasSize(4);
    }

    @Test
    void defaultValuesRenderTheFourServicesTheConsoleAndNothingOptional() {
        Chart.Rendered defaults = Chart.renderDefaults();
        System.out.println("default values render: " + defaults.kinds());

        // and helm test's pod with its network policy (test hooks: created only by `helm test`)
        assertThat(defaults.kinds()).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "ConfigMap", 5L, "Deployment", 5L, "HorizontalPodAutoscaler", 5L, "Ingress", 3L,
                "NetworkPolicy", 5L + 1, "Pod", 1L, "PodDisruptionBudget", 5L, "Service", 5L, "ServiceAccount", 5L)));
    }

    @Test
    void theProductionExampleRendersEveryOptionalResource() {
        Chart.Rendered production = Chart.renderProduction();
        int topics = new Channels().topics(Chart.values("values-production.yaml").at("/kafka/externalProducers")).size();
        System.out.println("values-production.yaml renders: " + production.kinds());

        assertThat(production.kinds()).containsExactlyEntriesOf(new TreeMap<>(Map.ofEntries(
                Map.entry("ConfigMap", 7L), Map.entry("Deployment", 5L), Map.entry("HorizontalPodAutoscaler", 5L),
                Map.entry("Ingress", 3L), Map.entry("KafkaTopic", (long) topics), Map.entry("KafkaUser", 7L),
                Map.entry("KeycloakRealmImport", 1L), Map.entry("NetworkPolicy", 5L + 1), Map.entry("Pod", 1L),
                Map.entry("PodDisruptionBudget", 5L), Map.entry("PrometheusRule", 1L), Map.entry("Service", 5L),
                Map.entry("ServiceAccount", 5L), Map.entry("ServiceMonitor", 1L))));
        JsonNode monitor = production.ofKind("ServiceMonitor").get(0);
        assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus-stack");
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
        production.ofKind("Service").forEach(service -> assertThat(WorkloadsTest.selects(
                monitor.at("/spec/selector/matchLabels"), service.at("/metadata/labels"))).isTrue());
    }
}
