package vn.parsipas.console.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;
import vn.parsipas.console.clients.Agency;
import vn.parsipas.console.clients.Page;
import vn.parsipas.console.clients.TaskApi;

/**
 * The agency directory's names, so pages show "Sở Tư pháp" rather than SO-TU-PHAP. Names are public
 * reference data: read from task-service with the person's token and kept a few minutes for everyone.
 */
@ApplicationScoped
public class Directory {
    private static final Duration FRESH = Duration.ofMinutes(5);
    private static final int PAGE = 200;

    /** Agencies by code, in directory order. */
    public record Names(Map<String, Agency> byCode) {
        public String of(String code) {
            Agency agency = code == null ? null : byCode.get(code);
            return agency == null ? (code == null ? "" : code) : agency.name();
        }

        public List<Agency> all() {
            return List.copyOf(byCode.values());
        }
    }

    private record Snapshot(Names names, Instant at) {
    }

    @RestClient
    TaskApi tasks;

    private volatile Snapshot snapshot;

    public Uni<Names> names() {
        Snapshot current = snapshot;
        if (current != null && current.at().plus(FRESH).isAfter(Instant.now())) {
            return Uni.createFrom().item(current.names());
        }
        return load(null, new ArrayList<>()).map(agencies -> {
            Map<String, Agency> byCode = new LinkedHashMap<>();
            agencies.forEach(agency -> byCode.put(agency.code(), agency));
            Names names = new Names(byCode);
            snapshot = new Snapshot(names, Instant.now());
            return names;
        });
    }

    private Uni<List<Agency>> load(String cursor, List<Agency> loaded) {
        return tasks.agencies(cursor, PAGE).chain((Page<Agency> page) -> {
            loaded.addAll(page.items());
            return page.nextCursor() == null ? Uni.createFrom().item(loaded) : load(page.nextCursor(), loaded);
        });
    }
}
