package vn.parsipas.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A platform migration added in a later release (numbered 0.x, below every service migration) reaches a
 * database of an earlier release: the services' Flyway applies it out of order, then the service
 * migrations that follow it, and a service starts. Without out-of-order, Flyway refuses to start.
 */
@QuarkusTest
@PlatformTest
class PlatformMigrationsTest {
    /** The platform's migrations as the services' jars carry them (tests run in the module's folder). */
    private static final Path PLATFORM = Path.of("src/main/resources/db/platform");
    private static final List<String> EARLIER_PLATFORM = List.of("V0_1__platform_outbox.sql", "V0_2__platform_inbox.sql");

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.flyway.out-of-order")
    boolean outOfOrder;

    @TempDir
    Path files;

    @Test
    void aPlatformMigrationOfALaterReleaseIsAppliedToADatabaseOfAnEarlierOne() throws IOException, SQLException {
        String schema = "earlier_release_" + UUID.randomUUID().toString().substring(0, 8);
        Path earlier = Files.createDirectories(files.resolve("earlier"));
        for (String name : EARLIER_PLATFORM) {
            Files.copy(PLATFORM.resolve(name), earlier.resolve(name));
        }
        Files.writeString(earlier.resolve("V5__service.sql"), "create table service_thing (id text primary key);");
        flyway(schema, false, "filesystem:" + earlier).migrate();

        Path service = Files.createDirectories(files.resolve("service"));
        Files.copy(earlier.resolve("V5__service.sql"), service.resolve("V5__service.sql"));
        // A later service migration that reads a later platform table: it must run after the platform one.
        Files.writeString(service.resolve("V6__copy_answers.sql"), "insert into idempotent_request "
                + "(scoped_key, request_hash, status, body, created_at) values ('tasks|a|k', 'h', 201, 'id', now());");
        String[] later = { "filesystem:" + PLATFORM.toAbsolutePath(), "filesystem:" + service };

        assertThatThrownBy(() -> flyway(schema, false, later).migrate()).isInstanceOf(FlywayException.class)
                .hasMessageContaining("not applied");
        assertThat(outOfOrder).as("quarkus.flyway.out-of-order, the platform's default").isTrue();
        flyway(schema, outOfOrder, later).migrate();

        try (Connection connection = dataSource.getConnection();
                ResultSet applied = connection.createStatement().executeQuery("select version from " + schema
                        + ".flyway_schema_history where success and version is not null order by installed_rank")) {
            List<String> versions = new ArrayList<>();
            while (applied.next()) {
                versions.add(applied.getString(1));
            }
            assertThat(versions).containsSubsequence("0.1", "0.2", "5", "0.3", "0.4", "6");
            ResultSet copied = connection.createStatement().executeQuery("select count(*) from " + schema + ".idempotent_request");
            copied.next();
            assertThat(copied.getInt(1)).isOne();
        }
    }

    private Flyway flyway(String schema, boolean outOfOrder, String... locations) {
        return Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true).locations(locations)
                .outOfOrder(outOfOrder).load();
    }
}
