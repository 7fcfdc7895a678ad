package vn.parsipas.platform.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which addresses a webhook may be sent to: none inside the operator's networks. Refused are
 * loopback, unspecified, link-local (incl. cloud metadata 169.254.169.254), private (RFC 1918, IPv6
 * unique-local), carrier-grade NAT (100.64.0.0/10), multicast, reserved and broadcast blocks, IPv6
 * addresses embedding such an IPv4 address, plus the configured blocked ranges (the cluster's pod
 * and service networks). The configured allowed ranges override all of it: tests and the local run
 * only, whose receivers listen on 127.0.0.1.
 */
public record AddressPolicy(List<AddressRange> blocked, List<AddressRange> allowed) {
    private static final List<AddressRange> INTERNAL = Stream.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
            "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4", "::/128", "::1/128", "fc00::/7", "fe80::/10",
            "fec0::/10", "ff00::/8", "2001:db8::/32").map(AddressRange::parse).toList();

    public static AddressPolicy of(List<String> blocked, List<String> allowed) {
        return new AddressPolicy(blocked.stream().map(AddressRange::parse).toList(),
                allowed.stream().map(AddressRange::parse).toList());
    }

    public boolean permits(InetAddress address) {
        if (allowed.stream().anyMatch(range -> range.contains(address))) {
            return true;
        }
        InetAddress embedded = embeddedIpv4(address);
        if (embedded != null) {
            return permits(embedded);
        }
        return Stream.concat(INTERNAL.stream(), blocked.stream()).noneMatch(range -> range.contains(address));
    }

    /** The IPv4 address inside an IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] b = address.getAddress();
        boolean compatible = allZero(b, 0, 12) && !allZero(b, 12, 16);
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && allZero(b, 4, 12);
        try {
            if (compatible || nat64) {
                return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if (b[0] == 0x20 && b[1] == 0x02) {
                return InetAddress.getByAddress(new byte[] {b[2], b[3], b[4], b[5]});
            }
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
        return null;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
