package vn.parsipas.survey.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private final ClientAddress behindIngress = new ClientAddress(List.of("10.0.0.0/8", "fd00::/8"));

    @Test
    void aPeerThatIsNotATrustedProxyIsTheClientWhateverItsHeadersSay() {
        assertThat(behindIngress.of("203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
        assertThat(new ClientAddress(List.of()).of("10.1.2.3", "198.51.100.1")).isEqualTo("10.1.2.3");
    }

    @Test
    void behindTrustedProxiesTheClientIsTheRightmostAddressNoProxyOfOursAppended() {
        assertThat(behindIngress.of("10.1.2.3", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(behindIngress.of("10.1.2.3", "6.6.6.6, 198.51.100.1, 10.9.9.9")).isEqualTo("198.51.100.1");
        assertThat(behindIngress.of("fd12::1", "2001:db8::42")).isEqualTo("2001:db8::42");
        assertThat(behindIngress.of("10.1.2.3", "10.4.4.4")).isEqualTo("10.4.4.4");
        assertThat(behindIngress.of("10.1.2.3", null)).isEqualTo("10.1.2.3");
    }

    @Test
    void onlyIpLiteralsAreParsedSoThatNoHeaderCausesADnsLookup() {
        assertThat(ClientAddress.literal("evil.example")).isNull();
        assertThat(ClientAddress.literal("999.1.1.1")).isNull();
        assertThat(ClientAddress.literal(".:")).isNull();
        assertThat(ClientAddress.literal("[2001:db8::1]")).isNotNull();
        assertThat(behindIngress.of("10.1.2.3", "x".repeat(500))).hasSize(64);
        assertThatThrownBy(() -> new ClientAddress(List.of("ingress.local/8"))).isInstanceOf(IllegalArgumentException.class);
    }
}
