package vn.parsipas.console.deadletters;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import vn.parsipas.console.clients.DeadLetterApi;
import vn.parsipas.console.clients.PersonsToken;

/**
 * The dead-letter API of each service, at the URL the console already calls it on
 * ({@code quarkus.rest-client.<service>.url}), in the order the page lists them, with its name in
 * Vietnamese. Reading a dead-letter topic and replaying wait for the broker, hence the longer timeout.
 */
@ApplicationScoped
public class DeadLetterClients {
    /** Config key of each service and how operators call it. */
    static final Map<String, String> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("survey", "Khảo sát SIPAS (survey-service)");
        SERVICES.put("indicator", "Chỉ số (indicator-service)");
        SERVICES.put("notification", "Cảnh báo (notification-service)");
        SERVICES.put("task", "Nhiệm vụ (task-service)");
    }

    private final Map<String, DeadLetterApi> clients = new LinkedHashMap<>();

    @Inject
    DeadLetterClients(PersonsToken token) {
        SERVICES.keySet().forEach(service -> clients.put(service, QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(ConfigProvider.getConfig().getValue("quarkus.rest-client." + service + ".url", String.class)))
                .register(token)
                .connectTimeout(2, TimeUnit.SECONDS)
                .readTimeout(60, TimeUnit.SECONDS)
                .build(DeadLetterApi.class)));
    }

    /** The client of a service the page knows, else null. */
    DeadLetterApi of(String service) {
        return clients.get(service);
    }
}
