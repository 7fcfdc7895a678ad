package vn.parsipas.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The runbooks' promise for a rolling upgrade (backup-restore-upgrade.md, service-down.md): migrations
 * only expand, so the previous version runs on the newer schema. Every migration of every service and of
 * the platform is read; a contraction fails unless reviewed in reviewed-contract-migrations.yaml.
 */
class RollingUpgradeSchemaTest {
    private static final String ALLOW_LIST = "reviewed-contract-migrations.yaml";

    @Test
    void everyMigrationThatContractsASchemaIsAReviewedOne() throws IOException {
        Map<String, String> reviewed = reviewed();
        Set<SchemaContractions.Contraction> contractions = new LinkedHashSet<>();
        Migrations.histories().values().forEach(history -> contractions.addAll(SchemaContractions.find(history)));

        List<String> unreviewed = contractions.stream().filter(c -> !reviewed.containsKey(c.path()))
                .map(SchemaContractions.Contraction::message).toList();
        assertThat(unreviewed).as("""
                Migrations that contract a schema while the previous version still runs on it during a rolling
                upgrade. Make them expand only, or contract in a second release and list the migration with its
                reason in deploy/helm-tests/src/test/resources/%s (docs/runbooks/backup-restore-upgrade.md)""",
                ALLOW_LIST).isEmpty();

        Set<String> contracting = contractions.stream().map(SchemaContractions.Contraction::path).collect(Collectors.toSet());
        assertThat(reviewed.keySet()).as("reviewed migrations that contract nothing (stale entries)").allMatch(contracting::contains);
        reviewed.forEach((path, reason) -> assertThat(reason).as(path).hasSizeGreaterThan(40));
    }

    @Test
    void everyServicesDatabaseHistoryIsReadWithThePlatformsMigrations() {
        Map<String, List<SchemaContractions.Migration>> histories = Migrations.histories();

        assertThat(histories).containsOnlyKeys("task-service", "indicator-service", "survey-service", "notification-service");
        List<String> read = histories.values().stream().flatMap(List::stream).map(SchemaContractions.Migration::path).distinct().toList();
        assertThat(read).containsExactlyInAnyOrderElementsOf(Migrations.allPaths());
        histories.forEach((service, history) -> {
            assertThat(history.get(0).path()).as(service).endsWith("V0_1__platform_outbox.sql");
            assertThat(history.get(history.size() - 1).path()).as(service).contains("/R__");
        });
        // Flyway's order: 3 < 3.1 < 4, not the file names' order.
        assertThat(histories.get("notification-service")).extracting(m -> m.path().replaceAll(".*/", ""))
                .containsSubsequence("V3__hardening.sql", "V3_1__alert_criterion.sql", "V4__satisfaction_alert_period.sql");
    }

    private static Map<String, String> reviewed() throws IOException {
        Map<String, String> reviewed = new LinkedHashMap<>();
        try (InputStream in = RollingUpgradeSchemaTest.class.getClassLoader().getResourceAsStream(ALLOW_LIST)) {
            assertThat(in).as(ALLOW_LIST).isNotNull();
            for (JsonNode entry : new ObjectMapper(new YAMLFactory()).readTree(in)) {
                reviewed.put(entry.path("migration").asText(), entry.path("reason").asText());
            }
        }
        assertThat(reviewed.keySet()).as("reviewed migrations that exist").allMatch(Migrations.allPaths()::contains);
        return reviewed;
    }
}
