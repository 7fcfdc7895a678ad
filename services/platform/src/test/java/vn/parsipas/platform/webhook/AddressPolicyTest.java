package vn.parsipas.platform.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class AddressPolicyTest {
    private static final AddressPolicy DEFAULT = AddressPolicy.of(List.of(), List.of());

    @Test
    void internalAddressesAreRefusedAndPublicOnesPermitted() throws Exception {
        for (String internal : List.of("127.0.0.1", "127.8.9.10", "0.0.0.0", "10.20.0.10", "172.16.0.1", "172.31.255.255",
                "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.254", "224.0.0.1", "239.255.255.250",
                "255.255.255.255", "::1", "::", "fe80::1", "fd00::1", "fc12:3456::1", "ff02::1", "::ffff:127.0.0.1",
                "::127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:0a00:0001::1")) {
            assertThat(DEFAULT.permits(InetAddress.getByName(internal))).as(internal).isFalse();
        }
        for (String external : List.of("8.8.8.8", "203.162.4.190", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888",
                "2002:0808:0808::1")) {
            assertThat(DEFAULT.permits(InetAddress.getByName(external))).as(external).isTrue();
        }
    }

    @Test
    void configuredClusterRangesAreRefusedAndTheTestAllowListLetsOnlyItsRangeThrough() throws Exception {
        AddressPolicy policy = AddressPolicy.of(List.of("8.8.0.0/16", "2001:4860::/32"), List.of("127.0.0.1/32"));

        assertThat(policy.permits(InetAddress.getByName("8.8.8.8"))).isFalse();
        assertThat(policy.permits(InetAddress.getByName("2001:4860:4860::8888"))).isFalse();
        assertThat(policy.permits(InetAddress.getByName("8.9.0.1"))).isTrue();
        assertThat(policy.permits(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(policy.permits(InetAddress.getByName("127.0.0.2"))).isFalse();
        assertThat(policy.permits(InetAddress.getByName("::1"))).isFalse();
    }

    @Test
    void rangesAreCheckedWhenRead() {
        assertThat(AddressRange.parse("10.0.0.0/8").contains(address("10.255.0.1"))).isTrue();
        assertThat(AddressRange.parse("10.0.0.0/9").contains(address("10.128.0.1"))).isFalse();
        assertThat(AddressRange.parse("192.0.2.7").contains(address("192.0.2.7"))).isTrue();
        assertThatThrownBy(() -> AddressRange.parse("cluster.local/16")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyLiteralAddressesAreReadWithoutDns() {
        assertThat(WebhookTargets.literal("[::1]")).isNotNull();
        assertThat(WebhookTargets.literal("2130706433")).isEqualTo(address("127.0.0.1"));
        assertThat(WebhookTargets.literal("hooks.daklak.gov.vn")).isNull();
        assertThat(WebhookTargets.literal("cafe.be")).isNull();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
