package vn.parsipas.task.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import vn.parsipas.task.TaskConfig;

/**
 * Imports the configured plan file ({@code parsipas.task.initial-plan}) at the first start of an empty
 * database, before the service reports ready: the local run shows the Đắk Lắk plan without any setup.
 * Later starts, and a second replica starting at the same moment, import nothing.
 */
@Singleton
public class InitialPlan {
    private static final Logger LOG = Logger.getLogger(InitialPlan.class);
    private static final String CLASSPATH = "classpath:";

    @Inject
    TaskConfig config;

    @Inject
    PlanImporter importer;

    void importAtFirstStart(@Observes StartupEvent startup) throws Throwable {
        if (config.initialPlan().isEmpty() || config.initialPlan().get().isBlank()) {
            return;
        }
        String location = config.initialPlan().get().strip();
        byte[] file = read(location);
        ImportResult result = VertxContextSupport.subscribeAndAwait(
                () -> importer.importIfNoPlan(file, PlanFormat.ofFileName(location), "initial-plan"));
        if (result != null) {
            LOG.infof("imported the initial plan %s from %s: version %d, %s", result.planId(), location, result.version(),
                    result.changes());
        }
    }

    private static byte[] read(String location) {
        try {
            if (location.startsWith(CLASSPATH)) {
                String resource = location.substring(CLASSPATH.length()).replaceFirst("^/", "");
                try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("initial plan " + location + " is not on the classpath");
                    }
                    return in.readAllBytes();
                }
            }
            return Files.readAllBytes(Path.of(location));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the initial plan " + location, e);
        }
    }
}
