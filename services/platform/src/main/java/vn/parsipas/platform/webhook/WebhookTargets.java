package vn.parsipas.platform.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import vn.parsipas.platform.problem.InvalidInputException;

/**
 * Checks a webhook URL where it is set (https, and every address its host has now is outside the
 * internal networks) and again where it is called: the host is resolved once, every address checked,
 * and the call pinned to the checked address, so a name that later resolves inside (DNS rebinding)
 * reaches nothing.
 */
@ApplicationScoped
public class WebhookTargets {
    private static final Logger LOG = Logger.getLogger(WebhookTargets.class);
    public static final String INTERNAL = "must be an https URL whose host is outside the internal networks "
            + "(not loopback, private, link-local, carrier-grade NAT, multicast or the cluster's ranges)";

    /** The URL leads into the internal networks: never called, whatever the attempt. */
    public static class RefusedException extends RuntimeException {
        public RefusedException(String message) {
            super(message);
        }
    }

    private final AddressPolicy policy;

    @Inject
    Vertx vertx;

    @Inject
    public WebhookTargets(WebhookTargetConfig config) {
        policy = AddressPolicy.of(config.blockedRanges().orElse(List.of()), config.allowedRanges().orElse(List.of()));
    }

    /**
     * What is wrong with a URL without asking DNS (not https, no host, an internal IP address), or null.
     * A host name is left to {@link #requireAllowed} and {@link #resolve}.
     */
    public String problem(String url) {
        URI uri = parse(url);
        if (uri == null || !"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getUserInfo() != null) {
            return "must be an https URL with a host and no user information";
        }
        InetAddress literal = literal(uri.getHost());
        return literal != null && !policy.permits(literal) ? INTERNAL : null;
    }

    /**
     * Refuses (400 naming {@code field}) a URL that is not https or whose host resolves to an internal
     * address now. A host that does not resolve yet is accepted: the check when calling decides.
     */
    public Uni<Void> requireAllowed(String field, String url) {
        if (url == null) {
            return Uni.createFrom().voidItem();
        }
        String problem = problem(url);
        if (problem != null) {
            return Uni.createFrom().failure(new InvalidInputException(field, problem));
        }
        String host = parse(url).getHost();
        return lookUp(host).map(addresses -> {
            if (addresses.stream().anyMatch(address -> !policy.permits(address))) {
                throw new InvalidInputException(field, INTERNAL);
            }
            return null;
        }).onFailure(UnknownHostException.class).recoverWithItem(unknown -> {
            LOG.infof("webhook host %s does not resolve yet; it is checked again on every call", host);
            return null;
        }).replaceWithVoid();
    }

    /** The address to call for a URL, checked: fails with {@link RefusedException} when any address of the host is internal. */
    public Uni<InetAddress> resolve(URI uri) {
        return lookUp(uri.getHost()).map(addresses -> {
            if (addresses.isEmpty() || addresses.stream().anyMatch(address -> !policy.permits(address))) {
                throw new RefusedException("webhook host " + uri.getHost() + " resolves to " + addresses);
            }
            return addresses.get(0);
        });
    }

    private Uni<List<InetAddress>> lookUp(String host) {
        InetAddress literal = literal(host);
        if (literal != null) {
            return Uni.createFrom().item(List.of(literal));
        }
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            try {
                return List.of(InetAddress.getAllByName(host));
            } catch (UnknownHostException e) {
                throw new UncheckedUnknownHost(e);
            }
        }), false).onFailure(UncheckedUnknownHost.class).transform(Throwable::getCause);
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The address a host names literally (bracketed IPv6, dotted or single-number IPv4), else null. */
    static InetAddress literal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean ipv6 = bare.contains(":") && bare.toLowerCase(Locale.ROOT).matches("[0-9a-f:.]+");
        if (!ipv6 && !bare.matches("\\d+(\\.\\d+){0,3}")) {
            return null; // a name: looking it up is DNS, done off the event loop
        }
        try {
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static final class UncheckedUnknownHost extends RuntimeException {
        UncheckedUnknownHost(UnknownHostException cause) {
            super(cause);
        }
    }
}
