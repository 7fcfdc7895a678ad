package vn.parsipas.platform.webhook;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Where webhooks may go (see {@link AddressPolicy}). */
@ConfigMapping(prefix = "parsipas.webhook")
public interface WebhookTargetConfig {
    /** Further ranges never to call, in CIDR notation: the cluster's pod and service networks. */
    Optional<List<String>> blockedRanges();

    /** Ranges to call although they are internal: for tests and the local run only (receivers on 127.0.0.1). */
    Optional<List<String>> allowedRanges();
}
