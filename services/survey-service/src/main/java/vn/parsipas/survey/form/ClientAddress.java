package vn.parsipas.survey.form;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who a request comes from, for per-client limits: the peer of the connection, unless the peer is
 * a trusted proxy (the ingress controller). Then X-Forwarded-For is read from the right: each proxy
 * appends the address it saw, so the rightmost address that is not a trusted proxy is the client;
 * what a client writes to the left of it is ignored.
 */
final class ClientAddress {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Starts with a hex digit or ':' and has a ':', so that InetAddress parses it or fails, and never asks DNS. */
    private static final Pattern IPV6 = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");
    private static final int MAX_KEY = 64;

    private final List<Range> trusted;

    /** {@code trustedProxies}: addresses or CIDR ranges such as 10.0.0.0/8 or fd00::/8. */
    ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(Range::parse).toList();
    }

    String of(String peer, String forwardedFor) {
        if (!isTrusted(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return clip(peer);
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!isTrusted(hop)) {
                return clip(hop);
            }
        }
        return clip(hops[0].strip());
    }

    private boolean isTrusted(String address) {
        InetAddress parsed = literal(address);
        return parsed != null && trusted.stream().anyMatch(range -> range.contains(parsed));
    }

    private static String clip(String address) {
        return address.length() <= MAX_KEY ? address : address.substring(0, MAX_KEY);
    }

    /** An IP literal, or null: never a name, so nothing here causes a DNS lookup. */
    static InetAddress literal(String text) {
        String address = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        try {
            if (IPV4.matcher(address).matches()) {
                byte[] bytes = new byte[4];
                String[] octets = address.split("\\.");
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(octets[i]);
                    if (octet > 255) {
                        return null;
                    }
                    bytes[i] = (byte) octet;
                }
                return InetAddress.getByAddress(bytes);
            }
            return IPV6.matcher(address).matches() ? InetAddress.getByName(address) : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Range(BigInteger network, int prefix, int bits) {
        static Range parse(String cidr) {
            String[] parts = cidr.strip().split("/", 2);
            InetAddress address = literal(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("not an IP address or CIDR range: " + cidr);
            }
            int bits = address.getAddress().length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("prefix length out of range: " + cidr);
            }
            return new Range(new BigInteger(1, address.getAddress()).shiftRight(bits - prefix), prefix, bits);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            return bytes.length * 8 == bits && new BigInteger(1, bytes).shiftRight(bits - prefix).equals(network);
        }
    }
}
