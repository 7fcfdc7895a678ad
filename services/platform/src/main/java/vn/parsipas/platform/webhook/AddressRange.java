package vn.parsipas.platform.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A block of IPv4 or IPv6 addresses in CIDR notation, e.g. {@code 10.0.0.0/8} or {@code fc00::/7}. */
public record AddressRange(byte[] network, int prefix) {

    public static AddressRange parse(String cidr) {
        String text = cidr.trim();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (!address.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an IP address range: " + cidr);
        }
        try {
            byte[] network = InetAddress.getByName(address).getAddress();
            int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("prefix out of range: " + cidr);
            }
            return new AddressRange(network, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not an IP address range: " + cidr, e);
        }
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        int mask = (0xff << (8 - rest)) & 0xff;
        return rest == 0 || (bytes[full] & mask) == (network[full] & mask);
    }
}
