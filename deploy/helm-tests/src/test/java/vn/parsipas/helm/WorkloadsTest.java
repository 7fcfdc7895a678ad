package vn.parsipas.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/** The four services as Kubernetes runs them, with the default values and the production example. */
class WorkloadsTest {
    private static final Set<String> SERVICES = Set.of("task-service", "indicator-service", "survey-service",
            "notification-service", "console");

    static Stream<Arguments> releases() {
        return Stream.of(Arguments.of("default values", Chart.renderDefaults()),
                Arguments.of("values-production.yaml", Chart.renderProduction()));
    }

    /** Issue 14: the pods run the JVM settings the local run and the system tests run (files/jvm.yaml), and javaOptions come after them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void everyPodRunsTheJvmSettingsOfFilesJvmYaml(String values, Chart.Rendered release) {
        JsonNode jvm = Chart.yaml(Chart.DIR.resolve("files/jvm.yaml"));
        assertThat(jvm.path("options").asText()).contains("-Xmx");
        List<JsonNode> deployments = release.ofKind("Deployment");
        assertThat(deployments).hasSize(5);
        for (JsonNode deployment : deployments) {
            Map<String, String> env = KafkaResourcesTest.env(release, deployment);
            // the image's launcher adds -XX:+UseParallelGC unless this names the collector, and two collectors stop the JVM
            assertThat(env).as(name(deployment)).containsEntry("GC_CONTAINER_OPTIONS", jvm.path("gc").asText());
            assertThat(env.get("JAVA_TOOL_OPTIONS")).as(name(deployment)).startsWith(jvm.path("options").asText())
                    .doesNotContainPattern("-XX:\\+Use\\w+GC").doesNotContain("  ");
        }
        // helm test's pod runs java itself (not the image's launcher): the collector is its first argument, and a heap of its own comes last.
        JsonNode pod = release.named("Pod", "parsipas-release-check");
        assertThat(pod.at("/spec/containers/0/command/1").asText()).isEqualTo(jvm.path("gc").asText());
        assertThat(HelmTestPodTest.env(pod).get("JAVA_TOOL_OPTIONS")).startsWith(jvm.path("options").asText()).endsWith("-XX:-UsePerfData")
                .contains("-Xmx64m");
        Chart.Rendered raised = Chart.render(command -> command.set("javaOptions", "-Xmx512m -Duser.timezone=UTC"));
        for (JsonNode deployment : raised.ofKind("Deployment")) {
            assertThat(KafkaResourcesTest.env(raised, deployment).get("JAVA_TOOL_OPTIONS")).as(name(deployment))
                    .startsWith(jvm.path("options").asText() + " -Xmx512m -Duser.timezone=UTC");
        }
    }

    /** Helm review L4, L5: a mutable tag is pulled again; pods say what they run and do not restart on a chart bump alone. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void podsCarryTheVersionTheirImageRunsAndAMutableTagIsAlwaysPulled(String values, Chart.Rendered release) {
        for (JsonNode deployment : release.ofKind("Deployment")) {
            JsonNode pod = deployment.at("/spec/template");
            JsonNode container = onlyContainer(deployment);
            String tag = container.path("image").asText().replaceFirst(".*:", "");
            assertThat(pod.at("/metadata/labels/app.kubernetes.io~1version").asText()).isEqualTo(tag);
            assertThat(pod.at("/metadata/labels").has("helm.sh/chart")).isFalse();
            assertThat(deployment.at("/metadata/labels").has("helm.sh/chart")).isTrue();
            assertThat(container.path("imagePullPolicy").asText()).isEqualTo(tag.endsWith("-SNAPSHOT") ? "Always" : "IfNotPresent");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void everyServiceRunsAsADeploymentWithBothProbesAndResources(String values, Chart.Rendered release) {
        List<JsonNode> deployments = release.ofKind("Deployment");
        assertThat(deployments).extracting(d -> d.at("/spec/template/metadata/labels/app.kubernetes.io~1name").asText())
                .containsExactlyInAnyOrderElementsOf(SERVICES);

        for (JsonNode deployment : deployments) {
            JsonNode container = onlyContainer(deployment);
            Set<String> portNames = new HashSet<>();
            container.path("ports").forEach(port -> portNames.add(port.path("name").asText()));

            assertThat(container.at("/livenessProbe/httpGet/path").asText()).as(name(deployment)).isEqualTo("/q/health/live");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).as(name(deployment)).isEqualTo("/q/health/ready");
            assertThat(portNames).as(name(deployment))
                    .contains(container.at("/livenessProbe/httpGet/port").asText(),
                            container.at("/readinessProbe/httpGet/port").asText());
            assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);

            assertThat(container.at("/resources/requests/cpu").asText()).as(name(deployment)).isNotBlank();
            assertThat(container.at("/resources/requests/memory").asText()).as(name(deployment)).isNotBlank();
            assertThat(container.at("/resources/limits/memory").asText()).as(name(deployment)).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void everyPodMeetsTheRestrictedPodSecurityStandard(String values, Chart.Rendered release) {
        // The Deployments' pods and helm test's pod.
        List<JsonNode> workloads = new ArrayList<>(release.ofKind("Deployment"));
        workloads.addAll(release.ofKind("Pod"));
        assertThat(workloads).hasSize(SERVICES.size() + 1);
        for (JsonNode deployment : workloads) {
            JsonNode pod = podSpec(deployment);
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(name(deployment)).isTrue();
            assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
            assertThat(pod.path("hostNetwork").asBoolean(false) || pod.path("hostPID").asBoolean(false)
                    || pod.path("hostIPC").asBoolean(false)).isFalse();
            pod.path("volumes").forEach(volume -> assertThat(volume.has("hostPath")).isFalse());
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();

            List<JsonNode> containers = new ArrayList<>();
            pod.path("initContainers").forEach(containers::add);
            pod.path("containers").forEach(containers::add);
            for (JsonNode container : containers) {
                JsonNode security = container.path("securityContext");
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as(name(deployment)).isFalse();
                assertThat(security.path("privileged").asBoolean(false)).isFalse();
                assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
                assertThat(security.path("runAsNonRoot").asBoolean()).isTrue();
                assertThat(texts(security.at("/capabilities/drop"))).containsExactly("ALL");
                assertThat(security.at("/capabilities/add").isMissingNode()).isTrue();
                // The read-only root needs a writable /tmp for Quarkus and Vert.x.
                assertThat(texts(container.path("volumeMounts"), "mountPath")).contains("/tmp");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void everyPodHasResourceRequestsAndAMemoryLimit(String values, Chart.Rendered release) {
        List<JsonNode> workloads = new ArrayList<>(release.ofKind("Deployment"));
        workloads.addAll(release.ofKind("Pod"));
        for (JsonNode workload : workloads) {
            JsonNode container = podSpec(workload).at("/containers/0");
            assertThat(container.at("/resources/requests/cpu").asText()).as(name(workload)).isNotBlank();
            assertThat(container.at("/resources/requests/memory").asText()).as(name(workload)).isNotBlank();
            assertThat(container.at("/resources/limits/memory").asText()).as(name(workload)).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void everyServiceSelectsTheHttpPortOfADeploymentsPods(String values, Chart.Rendered release) {
        List<JsonNode> services = release.ofKind("Service");
        assertThat(services).hasSize(SERVICES.size());
        for (JsonNode service : services) {
            List<JsonNode> selected = release.ofKind("Deployment").stream()
                    .filter(d -> selects(service.at("/spec/selector"), d.at("/spec/template/metadata/labels"))).toList();
            assertThat(selected).as(name(service)).hasSize(1);
            assertThat(texts(onlyContainer(selected.get(0)).path("ports"), "name"))
                    .contains(service.at("/spec/ports/0/targetPort").asText());
            // The Deployment's own selector picks the same pods.
            assertThat(selects(selected.get(0).at("/spec/selector/matchLabels"),
                    selected.get(0).at("/spec/template/metadata/labels"))).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void autoscalersBudgetsAndNetworkPoliciesCoverEveryDeployment(String values, Chart.Rendered release) {
        for (JsonNode deployment : release.ofKind("Deployment")) {
            JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
            assertThat(release.ofKind("HorizontalPodAutoscaler"))
                    .filteredOn(hpa -> hpa.at("/spec/scaleTargetRef/name").asText().equals(name(deployment)))
                    .singleElement()
                    .satisfies(hpa -> assertThat(hpa.at("/spec/maxReplicas").asInt())
                            .isGreaterThanOrEqualTo(hpa.at("/spec/minReplicas").asInt()));
            assertThat(release.ofKind("PodDisruptionBudget"))
                    .filteredOn(pdb -> selects(pdb.at("/spec/selector/matchLabels"), podLabels)).hasSize(1);
            assertThat(release.ofKind("NetworkPolicy"))
                    .filteredOn(policy -> selects(policy.at("/spec/podSelector/matchLabels"), podLabels)).singleElement()
                    .satisfies(policy -> {
                        assertThat(texts(policy.at("/spec/policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");
                        assertThat(policy.at("/spec/ingress/0/ports/0/port").asText()).isEqualTo("http");
                    });
            JsonNode spread = deployment.at("/spec/template/spec/topologySpreadConstraints");
            assertThat(texts(spread, "topologyKey"))
                    .containsExactlyInAnyOrder("kubernetes.io/hostname", "topology.kubernetes.io/zone");
            spread.forEach(constraint -> assertThat(selects(constraint.at("/labelSelector/matchLabels"), podLabels)).isTrue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void spreadingNeverCountsNodesThePodsCannotRunOn(String values, Chart.Rendered release) {
        // Without Honor, tainted and cordoned nodes count as empty domains: with DoNotSchedule, pods stay
        // Pending and a drain stalls on the disruption budget.
        for (JsonNode deployment : release.ofKind("Deployment")) {
            deployment.at("/spec/template/spec/topologySpreadConstraints").forEach(constraint ->
                    assertThat(constraint.path("nodeTaintsPolicy").asText()).as(name(deployment)).isEqualTo("Honor"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void podsLeaveTheLoadBalancerBeforeTheyStopAndFinishWhatTheyServe(String values, Chart.Rendered release) {
        for (JsonNode deployment : release.ofKind("Deployment")) {
            JsonNode container = onlyContainer(deployment);
            Map<String, String> env = KafkaResourcesTest.env(release, deployment);
            int preStop = Integer.parseInt(container.at("/lifecycle/preStop/exec/command/1").asText());
            int shutdown = Integer.parseInt(env.get("QUARKUS_SHUTDOWN_TIMEOUT").replace("s", ""));

            assertThat(container.at("/lifecycle/preStop/exec/command/0").asText()).isEqualTo("sleep");
            assertThat(preStop).as(name(deployment)).isPositive();
            assertThat(shutdown).isPositive();
            assertThat(deployment.at("/spec/template/spec/terminationGracePeriodSeconds").asInt())
                    .isGreaterThan(preStop + shutdown);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void theIngressRoutesEachServiceApiAndTheCitizenForm(String values, Chart.Rendered release) {
        Map<String, String> backendOfPath = new HashMap<>();
        release.ofKind("Ingress").forEach(ingress -> ingress.at("/spec/rules/0/http/paths").forEach(path ->
                backendOfPath.put(path.path("path").asText(), path.at("/backend/service/name").asText())));

        assertThat(backendOfPath).containsOnly(
                Map.entry("/task/api", "parsipas-task-service"),
                Map.entry("/indicator/api", "parsipas-indicator-service"),
                Map.entry("/survey/api", "parsipas-survey-service"),
                Map.entry("/survey/khao-sat", "parsipas-survey-service"),
                Map.entry("/notification/api", "parsipas-notification-service"),
                Map.entry("/console", "parsipas-console"));
        backendOfPath.values().forEach(service -> assertThat(release.named("Service", service).isMissingNode()).isFalse());
        // Each service serves its API under the prefix the ingress routes to it.
        for (JsonNode configMap : release.ofKind("ConfigMap")) {
            if (configMap.at("/data/QUARKUS_HTTP_ROOT_PATH").isTextual()) {
                String prefix = configMap.at("/data/QUARKUS_HTTP_ROOT_PATH").asText();
                assertThat(backendOfPath).containsEntry(prefix + "/api", name(configMap));
                assertThat(configMap.at("/data/QUARKUS_HTTP_PORT").asText()).isEqualTo("8080");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void secretsAreOnlyReferencedNeverRendered(String values, Chart.Rendered release) {
        assertThat(release.ofKind("Secret")).isEmpty();
        for (JsonNode deployment : release.ofKind("Deployment")) {
            if (name(deployment).endsWith("-console")) {
                continue; // no database: ConsoleChartTest checks its Secrets
            }
            JsonNode container = onlyContainer(deployment);
            Map<String, JsonNode> env = new HashMap<>();
            container.path("env").forEach(entry -> env.put(entry.path("name").asText(), entry));
            for (String secret : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
                    "QUARKUS_OIDC_CREDENTIALS_SECRET")) {
                assertThat(env.get(secret)).as(name(deployment) + " " + secret).isNotNull();
                assertThat(env.get(secret).at("/valueFrom/secretKeyRef/name").asText()).isNotBlank();
                assertThat(env.get(secret).has("value")).isFalse();
            }
            String configMap = container.at("/envFrom/0/configMapRef/name").asText();
            JsonNode data = release.named("ConfigMap", configMap).path("data");
            assertThat(data.isObject()).as(configMap).isTrue();
            data.fieldNames().forEachRemaining(key -> assertThat(key).doesNotContain("PASSWORD", "SECRET"));
            assertThat(data.path("KAFKA_BOOTSTRAP_SERVERS").asText()).isNotBlank();
            assertThat(data.path("QUARKUS_DATASOURCE_JDBC_URL").asText()).startsWith("jdbc:postgresql://");
            assertThat(data.path("QUARKUS_DATASOURCE_REACTIVE_URL").asText()).startsWith("postgresql://");
            assertThat(data.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText()).contains("/realms/parsipas");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void objectsHaveUniqueValidNames(String values, Chart.Rendered release) {
        List<String> ids = new ArrayList<>();
        for (JsonNode object : release.objects()) {
            assertThat(object.path("apiVersion").asText()).isNotBlank();
            assertThat(name(object)).matches("[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?");
            assertThat(object.at("/metadata/labels/app.kubernetes.io~1instance").asText()).isEqualTo(Chart.RELEASE);
            ids.add(object.path("kind").asText() + "/" + name(object));
        }
        assertThat(ids).doesNotHaveDuplicates();
    }

    /** The pod spec of a Deployment, or a Pod's own. */
    static JsonNode podSpec(JsonNode workload) {
        return "Pod".equals(workload.path("kind").asText()) ? workload.path("spec") : workload.at("/spec/template/spec");
    }

    static JsonNode onlyContainer(JsonNode deployment) {
        JsonNode containers = deployment.at("/spec/template/spec/containers");
        assertThat(containers.size()).as(name(deployment)).isEqualTo(1);
        return containers.get(0);
    }

    static String name(JsonNode object) {
        return object.at("/metadata/name").asText();
    }

    /** Whether every label of the selector is on the object with the same value. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        boolean[] all = {true};
        selector.fields().forEachRemaining(e -> all[0] &= e.getValue().asText().equals(labels.path(e.getKey()).asText(null)));
        return all[0];
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.path(field).asText()));
        return values;
    }
}
