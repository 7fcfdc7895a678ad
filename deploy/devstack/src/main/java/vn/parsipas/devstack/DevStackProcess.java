package vn.parsipas.devstack;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The test JVM's handle on the real engines: either a child JVM running {@link Engines}, started
 * once per test JVM and stopped when it exits, or servers named by environment variables.
 *
 * <p>Only JDK classes are used here: this class runs on a Quarkus test classpath, the engines'
 * jars never do.
 *
 * <ul>
 *   <li>{@code PARSIPAS_KAFKA_BOOTSTRAP_SERVERS} — use this Kafka instead of starting one.</li>
 *   <li>{@code PARSIPAS_PG_HOST}, {@code PARSIPAS_PG_PORT}, {@code PARSIPAS_PG_USER},
 *       {@code PARSIPAS_PG_PASSWORD} — use this PostgreSQL instead of starting one.</li>
 *   <li>{@code PARSIPAS_KEYCLOAK_URL} — use this Keycloak (with the parsipas realm) instead of starting one.</li>
 * </ul>
 */
public final class DevStackProcess {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static DevStackProcess shared;

    private final Properties addresses;
    private final Process child;
    private final PrintWriter commands;
    private final BlockingQueue<String> acknowledgements = new LinkedBlockingQueue<>();

    private DevStackProcess(Properties addresses, Process child) {
        this.addresses = addresses;
        this.child = child;
        this.commands = child == null ? null
                : new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** The engines of this JVM, started on first use. */
    public static synchronized DevStackProcess shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    public String kafkaBootstrapServers() {
        return addresses.getProperty("kafka.bootstrap.servers");
    }

    public String postgresHost() {
        return addresses.getProperty("postgres.host");
    }

    public int postgresPort() {
        return Integer.parseInt(addresses.getProperty("postgres.port"));
    }

    public String postgresUser() {
        return addresses.getProperty("postgres.user");
    }

    public String postgresPassword() {
        return addresses.getProperty("postgres.password");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + postgresHost() + ":" + postgresPort() + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + postgresHost() + ":" + postgresPort() + "/" + database;
    }

    /** Creates the database unless it exists. */
    public void ensureDatabase(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be lower-case letters, digits, _: " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), postgresUser(), postgresPassword());
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("create database " + database + " encoding 'UTF8' template template0");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    /**
     * The base URL of a Keycloak with the parsipas realm: {@code PARSIPAS_KEYCLOAK_URL}, or one the
     * engine host starts on first use (tens of seconds, once per test JVM).
     */
    public synchronized String keycloakUrl() {
        String given = System.getenv("PARSIPAS_KEYCLOAK_URL");
        if (given != null && !given.isBlank()) {
            return given;
        }
        if (addresses.getProperty("keycloak.url") == null) {
            command("keycloak start");
        }
        return addresses.getProperty("keycloak.url");
    }

    /** Stops the Kafka broker (keeping its data) — for fault tests. */
    public void stopKafka() {
        command("kafka stop");
    }

    /** Starts the Kafka broker again on the same port and data. */
    public void startKafka() {
        command("kafka start");
    }

    private void command(String command) {
        if (child == null) {
            throw new IllegalStateException("engines given by environment variables cannot be controlled");
        }
        commands.println(command);
        try {
            String done = acknowledgements.poll(5, TimeUnit.MINUTES);
            if (done == null || !done.equals(command)) {
                throw new IllegalStateException("devstack did not confirm '" + command + "'");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static DevStackProcess start() {
        String kafka = System.getenv("PARSIPAS_KAFKA_BOOTSTRAP_SERVERS");
        String pgHost = System.getenv("PARSIPAS_PG_HOST");
        Properties given = new Properties();
        if (kafka != null) {
            given.setProperty("kafka.bootstrap.servers", kafka);
        }
        if (pgHost != null) {
            given.setProperty("postgres.host", pgHost);
            given.setProperty("postgres.port", envOr("PARSIPAS_PG_PORT", "5432"));
            given.setProperty("postgres.user", envOr("PARSIPAS_PG_USER", "postgres"));
            given.setProperty("postgres.password", envOr("PARSIPAS_PG_PASSWORD", "postgres"));
        }
        if (kafka != null && pgHost != null) {
            return new DevStackProcess(given, null);
        }
        List<String> flags = new ArrayList<>();
        if (kafka != null) {
            flags.add("--no-kafka");
        }
        if (pgHost != null) {
            flags.add("--no-postgres");
        }
        return spawn(given, flags);
    }

    private static DevStackProcess spawn(Properties given, List<String> flags) {
        Instant begin = Instant.now();
        try {
            Path work = Files.createTempDirectory("parsipas-devstack-client");
            Path readyFile = work.resolve("ready.properties");
            Path log = Path.of(System.getProperty("devstack.log", work.resolve("devstack.log").toString()));
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms32m", "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", childClasspath(), Engines.class.getName(),
                    "--ready-file", readyFile.toString(), "--watch-stdin"));
            command.addAll(flags);
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            DevStackProcess process = new DevStackProcess(new Properties(), child);
            process.pumpOutput(child.getInputStream(), log);
            Runtime.getRuntime().addShutdownHook(new Thread(process::stopChild, "devstack-client-stop"));
            Properties addresses = awaitReadyFile(readyFile, child, log);
            addresses.putAll(given);
            process.addresses.putAll(addresses);
            System.out.printf("devstack: engines ready in %d ms: %s%n",
                    Duration.between(begin, Instant.now()).toMillis(), addresses);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start devstack", e);
        }
    }

    /** Closing stdin asks the child to stop its engines; it is killed if it does not. */
    private void stopChild() {
        commands.close();
        try {
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.descendants().forEach(ProcessHandle::destroyForcibly);
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pumpOutput(InputStream output, Path log) {
        Thread pump = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
                 OutputStream file = Files.newOutputStream(log)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    file.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    file.flush();
                    if (line.startsWith("devstack: keycloak.url=")) {
                        addresses.setProperty("keycloak.url", line.substring("devstack: keycloak.url=".length()));
                    }
                    if (line.startsWith("devstack: done ")) {
                        acknowledgements.add(line.substring("devstack: done ".length()));
                    }
                }
            } catch (IOException ignored) {
                // the child is gone; its exit is noticed where it matters
            }
        }, "devstack-output");
        pump.setDaemon(true);
        pump.start();
    }

    private static Properties awaitReadyFile(Path readyFile, Process child, Path log) throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!Files.exists(readyFile)) {
            if (!child.isAlive()) {
                throw new IllegalStateException("devstack exited with " + child.exitValue() + ":\n" + tail(log));
            }
            if (Instant.now().isAfter(deadline)) {
                child.destroyForcibly();
                throw new IllegalStateException("devstack not ready after " + START_TIMEOUT + ":\n" + tail(log));
            }
            KafkaBroker.sleep(100);
        }
        Properties addresses = new Properties();
        try (var in = Files.newInputStream(readyFile)) {
            addresses.load(in);
        }
        return addresses;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    /** This code's own location plus the engines' jars recorded at build time. */
    static String childClasspath() {
        try (InputStream listing = DevStackProcess.class.getResourceAsStream("/devstack-classpath.txt")) {
            if (listing == null) {
                throw new IllegalStateException("devstack-classpath.txt missing: build deploy/devstack first");
            }
            String engines = new String(listing.readAllBytes(), StandardCharsets.UTF_8).trim();
            String own = Path.of(DevStackProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
            return own + File.pathSeparator + engines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
