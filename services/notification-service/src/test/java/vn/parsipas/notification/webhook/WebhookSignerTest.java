package vn.parsipas.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignerTest {
    @Test
    void signsTheBodyWithHmacSha256AsLowerCaseHex() {
        // RFC 4231, test case 2.
        assertThat(WebhookSigner.signature("Jefe", "what do ya want for nothing?"))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void vietnameseBodiesAreSignedAsTheirUtf8Bytes() {
        String body = "{\"title\":\"Nhiệm vụ quá hạn\"}";
        assertThat(WebhookSigner.signature("khóa", body)).isNotEqualTo(WebhookSigner.signature("khoa", body))
                .startsWith("sha256=").hasSize(7 + 64);
    }

    @Test
    void theEventNamesTheTransition() {
        assertThat(WebhookBody.event("raised")).isEqualTo("alert.raised");
        assertThat(WebhookBody.event("repeated-3")).isEqualTo("alert.repeated");
        assertThat(WebhookBody.event("reassigned-SO-TU-PHAP")).isEqualTo("alert.reassigned");
    }
}
