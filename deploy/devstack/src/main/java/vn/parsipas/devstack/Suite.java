package vn.parsipas.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The four services from their packaged builds ({@code target/quarkus-app/quarkus-run.jar}), each a
 * separate JVM with its own database on the engines' PostgreSQL, as the local run and the system
 * tests start them. A service can run as several replicas, be killed ({@code kill -9}) and
 * started again.
 */
public final class Suite implements AutoCloseable {
    public static final List<String> SERVICES = List.of("task", "indicator", "survey", "notification");
    private static final Map<String, Integer> LOCAL_PORTS = Map.of("task", 8081, "indicator", 8082, "survey", 8083,
            "notification", 8084);
    /** The agency console (services/console): a fifth process, started after the services it calls. */
    public static final String CONSOLE = "console";
    private static final int LOCAL_CONSOLE_PORT = 8085;

    /** One running JVM of a service. */
    public record Instance(String service, int port, Process process) {
        public String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    private final Path root;
    private final Path logs;
    private final Engines engines;
    private final Map<String, String> extraEnv;
    private final boolean localPorts;
    private final Map<String, List<Instance>> instances = new LinkedHashMap<>();
    private int consolePort;

    private Suite(Path root, Engines engines, Map<String, String> extraEnv, boolean localPorts) {
        this.root = root;
        this.logs = root.resolve("target/" + (localPorts ? "local-run" : "system-run"));
        this.engines = engines;
        this.extraEnv = extraEnv;
        this.localPorts = localPorts;
    }

    /**
     * Creates each service's database and starts one instance of each, in parallel, and waits until
     * all are ready. {@code localPorts}: the README's fixed ports 8081–8084, else free ports.
     * {@code extraEnv}: configuration for every service (e.g. {@code PARSIPAS_CLOCK_ADJUSTABLE}).
     */
    public static Suite start(Path root, Engines engines, Map<String, String> extraEnv, boolean localPorts) {
        for (String service : SERVICES) {
            if (!Files.exists(jar(root, service))) {
                throw new IllegalStateException(jar(root, service) + " is missing: package the services first");
            }
        }
        Suite suite = new Suite(root, engines, extraEnv, localPorts);
        try {
            Files.createDirectories(suite.logs);
            SERVICES.forEach(suite::createDatabase);
            suite.consolePort = localPorts ? LOCAL_CONSOLE_PORT : Ports.free();
            for (String service : SERVICES) {
                suite.launch(service, localPorts ? LOCAL_PORTS.get(service) : Ports.free());
            }
            for (String service : SERVICES) {
                suite.awaitReady(suite.instances(service).get(0));
            }
            suite.startConsole();
            return suite;
        } catch (IOException | RuntimeException e) {
            suite.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    public List<Instance> instances(String service) {
        return instances.computeIfAbsent(service, s -> new ArrayList<>());
    }

    /** The first instance's base URL. */
    public String url(String service) {
        return instances(service).get(0).url();
    }

    public Path logs() {
        return logs;
    }

    /**
     * Starts one more instance of the service on a free port (same database, same consumer groups);
     * {@code jvmOptions} are added to the shared ones (e.g. a flight recording of its start).
     */
    public Instance addReplica(String service, String... jvmOptions) {
        Instance replica = launch(service, Ports.free(), jvmOptions);
        awaitReady(replica);
        return replica;
    }

    /** {@code kill -9} of every instance of the service: no shutdown hook, no graceful close. */
    public void kill(String service) {
        for (Instance instance : instances(service)) {
            instance.process().destroyForcibly();
            try {
                instance.process().waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts again, on their ports, the instances of the service that are not running. */
    public void restart(String service) {
        List<Instance> list = instances(service);
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).process().isAlive()) {
                list.set(i, start(service, list.get(i).port()));
            }
        }
        list.forEach(this::awaitReady);
    }

    private Instance launch(String service, int port, String... jvmOptions) {
        Instance instance = start(service, port, jvmOptions);
        instances(service).add(instance);
        return instance;
    }

    private Instance start(String service, int port, String... jvmOptions) {
        Map<String, String> addresses = engines.addresses();
        String pg = addresses.get("postgres.host") + ":" + addresses.get("postgres.port") + "/" + service;
        ProcessBuilder builder = new ProcessBuilder(ServiceJvm.command(root, jar(root, service), jvmOptions))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(service + "-service-" + port + ".log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        // loopback only, as the run prints it: the demo logins are public and the demo clock is adjustable
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("KAFKA_BOOTSTRAP_SERVERS", addresses.get("kafka.bootstrap.servers"));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + pg);
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + pg);
        env.put("QUARKUS_DATASOURCE_USERNAME", addresses.get("postgres.user"));
        env.put("QUARKUS_DATASOURCE_PASSWORD", addresses.get("postgres.password"));
        if (addresses.containsKey("keycloak.url")) {
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", addresses.get("keycloak.url") + "/realms/" + Keycloak.REALM);
        }
        // e-mails and webhooks link to the alert's page in the console
        env.put("PARSIPAS_NOTIFICATION_PUBLIC_URL", "http://127.0.0.1:" + consolePort);
        // Local run and system tests only: webhook receivers on this machine may be called, and
        // notification-service encrypts webhook secrets with a key that is no secret.
        env.put("PARSIPAS_WEBHOOK_ALLOWED_RANGES", "127.0.0.1/32");
        env.put("PARSIPAS_NOTIFICATION_WEBHOOK_SECRET_KEY", "bG9jYWwtb25seS1zdWl0ZS1rZXktMDEyMzQ1Njc4OWE=");
        env.putAll(extraEnv);
        try {
            return new Instance(service, port, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + service + "-service", e);
        }
    }

    /**
     * The console, when its build and a Keycloak are there: signs people in with the realm and calls the
     * four services' first instances. It keeps no data, so it needs neither a database nor Kafka.
     */
    private void startConsole() throws IOException {
        Path jar = root.resolve("services/console/target/quarkus-app/quarkus-run.jar");
        String keycloak = engines.addresses().get("keycloak.url");
        if (!Files.exists(jar) || keycloak == null) {
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(ServiceJvm.command(root, jar))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(CONSOLE + "-" + consolePort + ".log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(consolePort));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak + "/realms/" + Keycloak.REALM);
        // The realm export's local-only client secret; plain http on loopback, so no Secure-only cookies.
        env.put("QUARKUS_OIDC_CREDENTIALS_SECRET", "local-only-parsipas-console-secret");
        env.put("QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET", "local-only-console-state-secret-0123456789abcdef");
        env.put("QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE", "false");
        env.put("QUARKUS_REST_CSRF_COOKIE_FORCE_SECURE", "false");
        for (String service : SERVICES) {
            env.put("QUARKUS_REST_CLIENT_" + service.toUpperCase(java.util.Locale.ROOT) + "_URL", url(service));
        }
        Instance console = new Instance(CONSOLE, consolePort, builder.start());
        instances(CONSOLE).add(console);
        awaitReady(console);
    }

    private void awaitReady(Instance instance) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(instance.url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        // Four services, three engines and other builds share two cores on CI: a start took 220-240 s at
        // load 60. -Dparsipas.suite.ready-minutes= changes the wait.
        Instant deadline = Instant.now().plus(Duration.ofMinutes(Long.getLong("parsipas.suite.ready-minutes", 8)));
        while (Instant.now().isBefore(deadline) && instance.process().isAlive()) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(Duration.ofMillis(300));
        }
        throw new IllegalStateException(instance.service() + "-service on port " + instance.port()
                + " did not become ready; see " + logs.resolve(instance.service() + "-service-" + instance.port() + ".log"));
    }

    private void createDatabase(String database) {
        Map<String, String> addresses = engines.addresses();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + addresses.get("postgres.host") + ":"
                + addresses.get("postgres.port") + "/postgres", Postgres.USER, Postgres.PASSWORD);
                var statement = connection.createStatement()) {
            statement.execute("create database " + database + " encoding 'UTF8' template template0");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    /** Stops every instance gracefully (SIGTERM), forcibly after 20 s. */
    @Override
    public void close() {
        instances.values().forEach(list -> list.forEach(instance -> instance.process().destroy()));
        for (List<Instance> list : instances.values()) {
            for (Instance instance : list) {
                try {
                    if (!instance.process().waitFor(20, TimeUnit.SECONDS)) {
                        instance.process().destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    instance.process().destroyForcibly();
                }
            }
        }
    }

    static Path jar(Path root, String service) {
        return root.resolve("services/" + service + "-service/target/quarkus-app/quarkus-run.jar");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
