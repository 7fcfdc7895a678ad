package vn.parsipas.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * The engine host: starts the real Kafka broker and PostgreSQL server in parallel, reports
 * their addresses, and stops them on exit.
 *
 * <p>Run as a child of a test JVM with {@code --ready-file <file> --watch-stdin}: it writes the
 * addresses to the file, obeys commands on stdin ({@code kafka stop}, {@code kafka start},
 * {@code keycloak start}) and
 * stops everything when stdin closes, which is also what happens when its parent dies.
 */
public final class Engines implements AutoCloseable {
    private final StateDirectory state;
    private final KafkaBroker kafka;
    private final Postgres postgres;
    private Keycloak keycloak;

    private Engines(StateDirectory state, KafkaBroker kafka, Postgres postgres) {
        this.state = state;
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /** Starts Keycloak unless it runs already (it takes tens of seconds, so only on demand). */
    public synchronized Keycloak keycloak() {
        if (keycloak == null) {
            keycloak = Keycloak.start(state);
        }
        return keycloak;
    }

    public static Engines start(boolean withKafka, boolean withPostgres) {
        return start(withKafka, withPostgres, false);
    }

    /** Starts the engines asked for in parallel. */
    public static Engines start(boolean withKafka, boolean withPostgres, boolean withKeycloak) {
        StateDirectory state = StateDirectory.create();
        CompletableFuture<KafkaBroker> kafka = withKafka
                ? CompletableFuture.supplyAsync(() -> KafkaBroker.start(state))
                : CompletableFuture.completedFuture(null);
        CompletableFuture<Postgres> postgres = withPostgres
                ? CompletableFuture.supplyAsync(() -> Postgres.start(state))
                : CompletableFuture.completedFuture(null);
        CompletableFuture<Keycloak> keycloak = withKeycloak
                ? CompletableFuture.supplyAsync(() -> Keycloak.start(state))
                : CompletableFuture.completedFuture(null);
        try {
            Engines engines = new Engines(state, kafka.join(), postgres.join());
            engines.keycloak = keycloak.join();
            return engines;
        } catch (RuntimeException e) {
            kafka.thenAccept(KafkaBroker::close);
            postgres.thenAccept(Postgres::close);
            keycloak.thenAccept(Keycloak::close);
            throw e;
        }
    }

    /** Addresses as {@code key=value} pairs, the format of the ready file. */
    public Map<String, String> addresses() {
        Map<String, String> addresses = new LinkedHashMap<>();
        if (kafka != null) {
            addresses.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        }
        if (postgres != null) {
            addresses.put("postgres.host", "127.0.0.1");
            addresses.put("postgres.port", String.valueOf(postgres.port()));
            addresses.put("postgres.user", Postgres.USER);
            addresses.put("postgres.password", Postgres.PASSWORD);
        }
        if (keycloak != null) {
            addresses.put("keycloak.url", keycloak.url());
        }
        addresses.put("state.dir", state.path().toString());
        return addresses;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public Postgres postgres() {
        return postgres;
    }

    @Override
    public void close() {
        if (keycloak != null) {
            keycloak.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        state.delete();
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        List<String> options = new ArrayList<>(List.of(args));
        Path readyFile = options.contains("--ready-file")
                ? Path.of(options.get(options.indexOf("--ready-file") + 1)) : null;
        Engines engines = start(!options.contains("--no-kafka"), !options.contains("--no-postgres"),
                options.contains("--keycloak"));
        Runtime.getRuntime().addShutdownHook(new Thread(engines::close, "devstack-stop"));
        if (readyFile != null) {
            writeReadyFile(readyFile, engines.addresses());
        }
        engines.addresses().forEach((key, value) -> System.out.println("devstack: " + key + "=" + value));
        if (options.contains("--watch-stdin")) {
            engines.obeyStdin();
            System.exit(0);
        }
    }

    private void obeyStdin() throws IOException {
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = commands.readLine(); line != null; line = commands.readLine()) {
            switch (line.trim()) {
                case "kafka stop" -> kafka.stop();
                case "kafka start" -> kafka.start();
                case "keycloak start" -> System.out.println("devstack: keycloak.url=" + keycloak().url());
                case "" -> { }
                default -> System.err.println("devstack: unknown command '" + line + "'");
            }
            System.out.println("devstack: done " + line.trim());
        }
    }

    private static void writeReadyFile(Path readyFile, Map<String, String> addresses) {
        Properties properties = new Properties();
        properties.putAll(addresses);
        Path partial = readyFile.resolveSibling(readyFile.getFileName() + ".partial");
        try (var out = Files.newOutputStream(partial)) {
            properties.store(out, "devstack addresses");
            Files.move(partial, readyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
