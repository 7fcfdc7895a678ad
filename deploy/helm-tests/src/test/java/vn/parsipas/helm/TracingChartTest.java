package vn.parsipas.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tracing (tracing.otlpEndpoint): off by default, and when an endpoint is set every service and the
 * console export their spans there and may reach the collector's port through their NetworkPolicy.
 */
class TracingChartTest {
    private static final List<String> CONFIGS = List.of("parsipas-task-service", "parsipas-indicator-service",
            "parsipas-survey-service", "parsipas-notification-service", "parsipas-console");

    @Test
    void withoutAnEndpointNoWorkloadExportsSpans() {
        Chart.Rendered release = Chart.renderProduction();
        for (String name : CONFIGS) {
            JsonNode data = release.named("ConfigMap", name).path("data");
            assertThat(data.isMissingNode()).as(name).isFalse();
            assertThat(data.has("QUARKUS_OTEL_SDK_DISABLED")).as(name).isFalse();
            assertThat(data.has("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")).as(name).isFalse();
        }
    }

    @Test
    void anEndpointTurnsTracingOnInEveryWorkloadAndOpensItsPortOnly() {
        Chart.Rendered release = Chart.renderValues(
                "tracing: {otlpEndpoint: \"http://otel-collector.monitoring:4318\", protocol: http/protobuf, samplerRatio: 0.25}");
        for (String name : CONFIGS) {
            JsonNode data = release.named("ConfigMap", name).path("data");
            assertThat(data.path("QUARKUS_OTEL_SDK_DISABLED").asText()).as(name).isEqualTo("false");
            assertThat(data.path("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT").asText()).as(name)
                    .isEqualTo("http://otel-collector.monitoring:4318");
            assertThat(data.path("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL").asText()).as(name).isEqualTo("http/protobuf");
            assertThat(data.path("QUARKUS_OTEL_TRACES_SAMPLER_ARG").asText()).as(name).isEqualTo("0.25");
            assertThat(release.named("NetworkPolicy", name).at("/spec/egress").toString()).as(name)
                    .contains("{\"port\":4318,\"protocol\":\"TCP\"}");
        }
        assertThat(Chart.renderDefaults().named("NetworkPolicy", "parsipas-task-service").at("/spec/egress").toString())
                .doesNotContain("4318");
    }

    @Test
    void anEndpointThatIsNoUrlOrAnUnknownProtocolIsRefused() {
        assertThatThrownBy(() -> Chart.render(command -> command.set("tracing.otlpEndpoint", "otel-collector:4317")))
                .hasMessageContaining("/tracing/otlpEndpoint");
        assertThatThrownBy(() -> Chart.render(command -> command.set("tracing.otlpEndpoint", "http://otel-collector:4317")
                .set("tracing.protocol", "zipkin")))
                .hasMessageContaining("/tracing/protocol");
    }
}
