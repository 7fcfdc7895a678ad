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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local run: real engines plus the four services from their packaged builds, each on a fixed
 * port, each with its own database. Ctrl-C stops the services, then the engines, and leaves no
 * process behind. Run it through {@code ./run-local.sh}, which builds first.
 */
public final class LocalSuite {
    /** A service of the suite: its name (also its database's) and its HTTP port. */
    record Service(String name, int port) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("task", 8081), new Service("indicator", 8082),
            new Service("survey", 8083), new Service("notification", 8084));

    private final Path root;
    private final Engines engines;
    private final List<Process> services = new ArrayList<>();

    private LocalSuite(Path root, Engines engines) {
        this.root = root;
        this.engines = engines;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        for (Service service : SERVICES) {
            Path jar = jar(root, service.name());
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build first (./run-local.sh does)");
            }
        }
        Instant begin = Instant.now();
        LocalSuite suite = new LocalSuite(root, Engines.start(true, true, true));
        Runtime.getRuntime().addShutdownHook(new Thread(suite::stop, "local-suite-stop"));
        suite.startServices();
        suite.printSummary(Duration.between(begin, Instant.now()));
        Thread.currentThread().join();
    }

    private void startServices() throws IOException, InterruptedException {
        Map<String, String> addresses = engines.addresses();
        String pgHost = addresses.get("postgres.host");
        String pgPort = addresses.get("postgres.port");
        Path logs = root.resolve("target/local-run");
        Files.createDirectories(logs);
        for (Service service : SERVICES) {
            String database = service.name();
            createDatabase(pgHost, pgPort, database);
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-jar", jar(root, service.name()).toString())
                    .redirectErrorStream(true)
                    .redirectOutput(logs.resolve(service.name() + "-service.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(service.port()));
            env.put("KAFKA_BOOTSTRAP_SERVERS", addresses.get("kafka.bootstrap.servers"));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database);
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + pgHost + ":" + pgPort + "/" + database);
            env.put("QUARKUS_DATASOURCE_USERNAME", addresses.get("postgres.user"));
            env.put("QUARKUS_DATASOURCE_PASSWORD", addresses.get("postgres.password"));
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", addresses.get("keycloak.url") + "/realms/" + Keycloak.REALM);
            services.add(builder.start());
        }
        for (Service service : SERVICES) {
            awaitReady(service.name(), service.port(), logs);
        }
    }

    private void printSummary(Duration took) {
        System.out.println();
        System.out.println("PAR·SIPAS is running (started in " + took.toSeconds() + " s):");
        for (int i = 0; i < SERVICES.size(); i++) {
            System.out.printf("  %-22s http://127.0.0.1:%d   (Swagger UI: /q/swagger-ui, health: /q/health, pid %d)%n",
                    SERVICES.get(i).name() + "-service", SERVICES.get(i).port(), services.get(i).pid());
        }
        engines.addresses().forEach((key, value) -> System.out.printf("  %-22s %s%n", key, value));
        System.out.println("  logs                   " + root.resolve("target/local-run"));
        System.out.println();
        System.out.println("Demo logins (local only; realm " + Keycloak.REALM + ", client parsipas-web, password local-only-demo):");
        System.out.println("  coordinator.snv  coordinator   Sở Nội vụ");
        System.out.println("  staff.skhcn      agency-staff  Sở Khoa học và Công nghệ");
        System.out.println("  staff.stc        agency-staff  Sở Tài chính");
        System.out.println("  staff.stp        agency-staff  Sở Tư pháp");
        System.out.println("  staff.vpubnd     agency-staff  Văn phòng UBND tỉnh");
        System.out.println("  operator         operator");
        System.out.println("Data providers (client credentials): igate, finance-system, survey-kiosk "
                + "(secret local-only-<client>-secret). Keycloak admin console: admin / local-only-admin.");
        System.out.println("Ctrl-C stops everything.");
    }

    private void stop() {
        System.out.println("stopping the services and the engines ...");
        services.forEach(Process::destroy);
        for (Process service : services) {
            try {
                if (!service.waitFor(20, TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            } catch (InterruptedException e) {
                service.destroyForcibly();
            }
        }
        engines.close();
        System.out.println("stopped.");
    }

    private static void awaitReady(String service, int port, Path logs) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(service + "-service not ready after 3 minutes; see "
                + logs.resolve(service + "-service.log"));
    }

    private static void createDatabase(String host, String port, String database) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres",
                Postgres.USER, Postgres.PASSWORD); var statement = connection.createStatement()) {
            statement.execute("create database " + database + " encoding 'UTF8' template template0");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    private static Path jar(Path root, String service) {
        return root.resolve("services/" + service + "-service/target/quarkus-app/quarkus-run.jar");
    }
}
