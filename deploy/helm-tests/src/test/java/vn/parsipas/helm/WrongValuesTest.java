package vn.parsipas.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Values that would render objects the API server rejects, pods a "restricted" namespace refuses,
 * or a release that silently weakens a control: each is refused at render time, naming the value
 * (the independent chart check of 2026-12-06, probes n05 and x11–x22).
 */
class WrongValuesTest {

    @Test
    void anUnknownTopLevelKeyIsRefused() {
        assertThatThrownBy(() -> Chart.render(command -> command.set("replicaCount", 5)))
                .hasMessageContaining("additional properties 'replicaCount' not allowed");
        assertThatCode(() -> Chart.render(command -> command.set("global.imageRegistry", "registry.example")))
                .as("a parent chart's globals").doesNotThrowAnyException();
    }

    @Test
    void theSchemaHoldsTheRestrictedPodSecurityProfile() {
        assertThatThrownBy(() -> Chart.render(command -> command.set("securityContext.capabilities.add[0]", "NET_ADMIN")))
                .hasMessageContaining("/securityContext/capabilities/add");
        assertThatThrownBy(() -> Chart.render(command -> command.set("securityContext.capabilities.drop[0]", "NET_RAW")))
                .hasMessageContaining("/securityContext/capabilities/drop");
        assertThatThrownBy(() -> Chart.renderValues("securityContext: {capabilities: {drop: null}}"))
                .hasMessageContaining("/securityContext/capabilities");
        assertThatThrownBy(() -> Chart.render(command -> command.set("podSecurityContext.seccompProfile.type", "Unconfined")))
                .hasMessageContaining("/podSecurityContext/seccompProfile/type");
        assertThatThrownBy(() -> Chart.render(command -> command.set("securityContext.seccompProfile.type", "Unconfined")))
                .hasMessageContaining("/securityContext/seccompProfile/type");
        assertThatThrownBy(() -> Chart.render(command -> command.set("podSecurityContext.runAsNonroot", false)))
                .as("a misspelt field would be rendered into every pod")
                .hasMessageContaining("additional properties 'runAsNonroot' not allowed");
        assertThatThrownBy(() -> Chart.render(command -> command.set("securityContext.privileged", true)))
                .hasMessageContaining("/securityContext/privileged");
        assertThatCode(() -> Chart.render(command -> command.set("podSecurityContext.seccompProfile.type", "Localhost")
                .set("podSecurityContext.seccompProfile.localhostProfile", "profiles/parsipas.json")))
                .doesNotThrowAnyException();
    }

    @Test
    void anAutoscalerWhoseMinimumExceedsItsMaximumIsRefused() {
        assertThatThrownBy(() -> Chart.render(command -> command.set("services.indicator.autoscaling.minReplicas", 8)
                .set("services.indicator.autoscaling.maxReplicas", 3)))
                .hasMessageContaining("services.indicator.autoscaling: minReplicas 8 is above maxReplicas 3");
        assertThatThrownBy(() -> Chart.render(command -> command.set("console.autoscaling.minReplicas", 5)))
                .hasMessageContaining("console.autoscaling: minReplicas 5 is above maxReplicas 4");
    }

    @Test
    void requestsAboveLimitsAreRefused() {
        assertThatThrownBy(() -> Chart.render(command -> command.set("services.survey.resources.requests.cpu", "2")))
                .hasMessageContaining("services.survey.resources: the cpu request 2 is above its limit 1");
        assertThatThrownBy(() -> Chart.render(command -> command.set("services.task.resources.requests.memory", "2Gi")))
                .hasMessageContaining("services.task.resources: the memory request 2Gi is above its limit 512Mi");
        assertThatThrownBy(() -> Chart.render(command -> command.set("console.resources.requests.memory", "1Gi")))
                .hasMessageContaining("console.resources: the memory request 1Gi is above its limit 320Mi");
        assertThatThrownBy(() -> Chart.render(command -> command.set("services.task.resources.requests.memory", "lots")))
                .hasMessageContaining("/services/task/resources/requests/memory");
        assertThatCode(() -> Chart.render(command -> command.set("services.task.resources.requests.cpu", "1000m")
                .set("services.task.resources.requests.memory", "0.5Gi")))
                .as("equal to the limits, written differently").doesNotThrowAnyException();
    }

    @Test
    void aDisruptionBudgetThatBlocksEveryDrainIsRefused() {
        assertThatThrownBy(() -> Chart.render(command -> command.set("services.task.podDisruptionBudget.maxUnavailable", 0)))
                .hasMessageContaining("/services/task/podDisruptionBudget/maxUnavailable");
        assertThatThrownBy(() -> Chart.render(command -> command.set("services.task.podDisruptionBudget.maxUnavailable", "0%")))
                .hasMessageContaining("/services/task/podDisruptionBudget/maxUnavailable");
        assertThat(Chart.render(command -> command.set("services.task.podDisruptionBudget.maxUnavailable", "50%"))
                .named("PodDisruptionBudget", "parsipas-task-service").at("/spec/maxUnavailable").asText()).isEqualTo("50%");
    }

    @Test
    void theProductionExampleKeepsWebhooksOutOfEveryInternalRange() {
        JsonNode webhooks = Chart.values("values-production.yaml").at("/networkPolicy/webhooks/0/ipBlock");
        assertThat(webhooks.path("cidr").asText()).isEqualTo("0.0.0.0/0");
        assertThat(webhooks.path("except").toString()).contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10",
                "169.254.0.0/16", "127.0.0.0/8");
    }

    @Test
    void webhooksNeedAtLeastOnePortAndNoEgressRuleIsEverOpenOnAllPorts() {
        assertThatThrownBy(() -> Chart.renderValues("networkPolicy: {webhookPorts: []}"))
                .hasMessageContaining("/networkPolicy/webhookPorts");
        for (Chart.Rendered release : new Chart.Rendered[] {Chart.renderDefaults(), Chart.renderProduction()}) {
            for (JsonNode policy : release.ofKind("NetworkPolicy")) {
                policy.at("/spec/egress").forEach(rule -> assertThat(rule.path("ports").isArray() && !rule.path("ports").isEmpty())
                        .as(WorkloadsTest.name(policy) + " " + rule).isTrue());
            }
        }
    }

    @Test
    void kafkaUsersWithoutSaslAreRefused() {
        assertThatThrownBy(() -> Chart.render(command -> command.set("kafka.sasl.enabled", false)
                .set("insecureLocalOnly", true)
                .set("kafka.strimzi.topics.enabled", true).set("kafka.strimzi.users.enabled", true)))
                .hasMessageContaining("kafka.strimzi.users.enabled needs kafka.sasl.enabled");
    }
}
