package vn.parsipas.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The public citizen form of survey-service: an Ingress of its own that rate-limits each client at
 * the controller (the API paths keep theirs without limits), and a service that takes the client
 * address from X-Forwarded-For only when the ingress controller forwarded the request.
 */
class CitizenFormIngressTest {
    private static final String FORM_INGRESS = "parsipas-survey-service-citizen-form";

    static Stream<Arguments> releases() {
        return WorkloadsTest.releases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void theCitizenFormHasAnIngressOfItsOwnThatLimitsEachClient(String values, Chart.Rendered release) {
        JsonNode form = release.named("Ingress", FORM_INGRESS);
        JsonNode api = release.named("Ingress", "parsipas");

        assertThat(form.at("/spec/rules/0/http/paths")).singleElement().satisfies(path -> {
            assertThat(path.path("path").asText()).isEqualTo("/survey/khao-sat");
            assertThat(path.at("/backend/service/name").asText()).isEqualTo("parsipas-survey-service");
            assertThat(path.at("/backend/service/port/name").asText()).isEqualTo("http");
        });
        JsonNode limits = form.at("/metadata/annotations");
        assertThat(limits.path("nginx.ingress.kubernetes.io/limit-rpm").asText()).isEqualTo("60");
        assertThat(limits.path("nginx.ingress.kubernetes.io/limit-burst-multiplier").asText()).isEqualTo("5");
        assertThat(limits.path("nginx.ingress.kubernetes.io/limit-connections").asText()).isEqualTo("10");
        assertThat(api.at("/metadata/annotations").has("nginx.ingress.kubernetes.io/limit-rpm")).isFalse();
        assertThat(WorkloadsTest.texts(api.at("/spec/rules/0/http/paths"), "path")).doesNotContain("/survey/khao-sat");
        // Same host, TLS and controller-wide annotations (e.g. the certificate issuer) as the API ingress.
        assertThat(form.at("/spec/rules/0/host")).isEqualTo(api.at("/spec/rules/0/host"));
        assertThat(form.at("/spec/tls")).isEqualTo(api.at("/spec/tls"));
        assertThat(form.path("spec").path("ingressClassName")).isEqualTo(api.path("spec").path("ingressClassName"));
        api.at("/metadata/annotations").fields().forEachRemaining(annotation ->
                assertThat(limits.path(annotation.getKey())).isEqualTo(annotation.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void surveyServiceTrustsForwardedClientAddressesOnlyFromTheIngressControllersNetwork(String values, Chart.Rendered release) {
        assertThat(release.named("ConfigMap", "parsipas-survey-service").at("/data/PARSIPAS_SURVEY_FORM_LIMITS_TRUSTED_PROXIES").asText())
                .isEqualTo("10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,100.64.0.0/10,fc00::/7");
        // Only the ingress controller, Prometheus, the console (which calls the API, never the form) and helm
        // test's pod (which asks for /q/health/ready) may connect to the HTTP port, so only the controller can
        // set that header for a citizen.
        JsonNode policy = release.named("NetworkPolicy", "parsipas-survey-service");
        assertThat(policy.at("/spec/ingress")).hasSize(3);
        assertThat(policy.at("/spec/ingress/0/from").isEmpty()).isFalse();
        assertThat(policy.at("/spec/ingress/1/from/0/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("console");
        assertThat(policy.at("/spec/ingress/2/from/0/podSelector/matchLabels/app.kubernetes.io~1name").asText())
                .isEqualTo("release-check");
    }
}
