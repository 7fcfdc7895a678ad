package vn.parsipas.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignerTest {
    @Test
    void signsTheTimestampAndTheBodyWithHmacSha256AsLowerCaseHex() {
        // the worked example of docs/notification-service.md (python: hmac.new(b"Jefe", b"1767225600.what do ya want for nothing?", sha256))
        assertThat(WebhookSigner.signature("Jefe", 1767225600L, "what do ya want for nothing?"))
                .isEqualTo("t=1767225600,v1=8bf4bab82972f519c62eab705abd744e0bc4e8a7e292de99189f49e03834693a");
        assertThat(WebhookSigner.signature("Jefe", 1767225601L, "what do ya want for nothing?"))
                .isNotEqualTo(WebhookSigner.signature("Jefe", 1767225600L, "what do ya want for nothing?"));
    }

    @Test
    void vietnameseBodiesAreSignedAsTheirUtf8Bytes() {
        String body = "{\"title\":\"Nhiệm vụ quá hạn\"}";
        assertThat(WebhookSigner.signature("khóa", 1767225600L, body))
                .isEqualTo("t=1767225600,v1=1f37e469d3fabe5a5df36282907e959844a8e13ae1d962042f856b06774a78f9");
    }

    @Test
    void theEventNamesTheTransition() {
        assertThat(WebhookBody.event("raised")).isEqualTo("alert.raised");
        assertThat(WebhookBody.event("repeated-3")).isEqualTo("alert.repeated");
        assertThat(WebhookBody.event("reassigned-SO-TU-PHAP")).isEqualTo("alert.reassigned");
    }
}
