package vn.parsipas.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The webhook body of notification-service is a contract too, though not a Kafka event. */
class AlertWebhookSchemaTest {
    static final String SCHEMA = EventType.SCHEMA_BASE + "alert-webhook.v1.schema.json";

    @Test
    void theExampleValidatesAndTheSchemaNamesTheSignatureHeader() {
        JsonNode schema = ContractFiles.json(ContractFiles.SCHEMAS.resolve("alert-webhook.v1.schema.json"));
        JsonNode example = ContractFiles.json(ContractFiles.EXAMPLES.resolve("alert-webhook.v1.json"));

        assertThat(schema.path("$id").asText()).isEqualTo(SCHEMA);
        assertThat(schema.path("description").asText()).contains("X-Parsipas-Signature: t=<unix seconds>,v1=");
        assertThat(JsonSchemas.validate(SCHEMA, example)).isEmpty();
    }

    @Test
    void anUnknownEventOrAMissingAlertFieldIsRejected() {
        ObjectNode example = (ObjectNode) ContractFiles.json(ContractFiles.EXAMPLES.resolve("alert-webhook.v1.json"));
        example.put("event", "alert.deleted");
        ((ObjectNode) example.get("alert")).remove("fingerprint");

        assertThat(JsonSchemas.validate(SCHEMA, example)).extracting(SchemaViolation::field)
                .containsExactlyInAnyOrder("event", "alert.fingerprint");
    }
}
