package vn.parsipas.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonParser;

/**
 * Every built-in object the chart renders is valid for the Kubernetes API: checked offline against
 * the models that the official Java client generates from the API's OpenAPI document (types,
 * required fields and unknown fields). Custom resources (Strimzi, Prometheus Operator, Keycloak)
 * are checked by the other tests.
 */
class KubernetesApiTest {
    private static final Set<String> CUSTOM_GROUPS = Set.of("kafka.strimzi.io", "monitoring.coreos.com", "k8s.keycloak.org");

    static Stream<Arguments> builtInObjects() {
        return Stream.of(Chart.renderDefaults(), Chart.renderProduction())
                .flatMap(release -> release.objects().stream())
                .filter(object -> !CUSTOM_GROUPS.contains(group(object)))
                .map(object -> Arguments.of(object.path("kind").asText() + "/" + object.at("/metadata/name").asText(),
                        object));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtInObjects")
    void isValidForTheKubernetesApi(String id, JsonNode object) {
        assertThatCode(() -> validate(object)).as(id).doesNotThrowAnyException();
    }

    @Test
    void aMisspelledFieldIsCaught() {
        ObjectNode deployment = Chart.renderDefaults().ofKind("Deployment").get(0).deepCopy();
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0")).set("readinesProbe",
                deployment.at("/spec/template/spec/containers/0/readinessProbe"));

        assertThatThrownBy(() -> validate(deployment)).hasMessageContaining("readinesProbe");
    }

    /** Validates with the model class of the object's version and kind (apps/v1 Deployment → V1Deployment). */
    private static void validate(JsonNode object) throws Exception {
        String apiVersion = object.path("apiVersion").asText();
        String version = apiVersion.substring(apiVersion.lastIndexOf('/') + 1);
        String model = "io.kubernetes.client.openapi.models." + Character.toUpperCase(version.charAt(0))
                + version.substring(1) + object.path("kind").asText();
        Method validate = Class.forName(model).getMethod("validateJsonElement", com.google.gson.JsonElement.class);
        try {
            validate.invoke(null, JsonParser.parseString(object.toString()));
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
        assertThat(object.at("/metadata/name").asText()).isNotBlank();
    }

    private static String group(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }
}
