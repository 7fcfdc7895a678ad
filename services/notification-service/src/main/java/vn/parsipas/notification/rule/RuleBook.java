package vn.parsipas.notification.rule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.notification.NotificationConfig;
import vn.parsipas.notification.alert.AlertRules;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.time.BusinessTime;

/**
 * The routing rules: stored in the database (seeded from the rules file), cached in every replica
 * and reloaded when any replica changes them (NOTIFY on {@value #CHANNEL}).
 */
@ApplicationScoped
public class RuleBook implements AlertRules {
    public static final String CHANNEL = "parsipas_rules";
    private static final Logger LOG = Logger.getLogger(RuleBook.class);
    private static final ObjectMapper JSON = EventJson.configure(new ObjectMapper())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    private static final ObjectMapper YAML = EventJson.configure(new ObjectMapper(new YAMLFactory()));

    @Inject
    Pool pool;

    @Inject
    NotificationConfig config;

    @Inject
    Clock clock;

    private volatile RuleSet.Stored current;

    void start(@Observes @Priority(10) StartupEvent startup) {
        store(readFile(), "rules-file", false).chain(this::reload).await().atMost(Duration.ofSeconds(30));
        LOG.infof("routing rules version %d: %s", current.version(), current.rules().stream().map(Rule::name).toList());
    }

    public RuleSet.Stored current() {
        return current;
    }

    /** The first rule matching an alert, or the inbox-only fallback. */
    @Override
    public Rule match(String kind, String severity, String agency) {
        return new RuleSet(current.rules()).match(kind, severity, agency);
    }

    @Override
    public Rule named(String name, String kind, String severity, String agency) {
        return current.rules().stream().filter(rule -> rule.name().equals(name)).findFirst()
                .orElseGet(() -> match(kind, severity, agency));
    }

    public Uni<RuleSet.Stored> replace(RuleSet rules, String updatedBy) {
        validate(rules);
        return store(rules, updatedBy, true).chain(this::reload).replaceWith(() -> current);
    }

    public Uni<RuleSet.Stored> reloadFile(String updatedBy) {
        return replace(readFile(), updatedBy);
    }

    public Uni<Void> reload() {
        return pool.query("select version, document, updated_at, updated_by from rule_set where id = 1").execute()
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    current = new RuleSet.Stored(row.getInteger("version"), parse(row.getString("document"), JSON).rules(),
                            row.getOffsetDateTime("updated_at").toInstant(), row.getString("updated_by"));
                })
                .replaceWithVoid();
    }

    /** Inserts the first version, or (when {@code overwrite}) the next one, and tells every replica. */
    private Uni<Void> store(RuleSet rules, String updatedBy, boolean overwrite) {
        String document;
        try {
            document = JSON.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String sql = "insert into rule_set (id, version, document, updated_at, updated_by) values (1, 1, $1, $2, $3) "
                + (overwrite ? "on conflict (id) do update set version = rule_set.version + 1, document = excluded.document, "
                        + "updated_at = excluded.updated_at, updated_by = excluded.updated_by" : "on conflict do nothing");
        return pool.withTransaction(connection -> connection.preparedQuery(sql)
                .execute(Tuple.of(document, BusinessTime.utc(clock.instant()), updatedBy))
                .chain(() -> connection.query("notify " + CHANNEL).execute()))
                .replaceWithVoid();
    }

    private RuleSet readFile() {
        try (InputStream in = config.rulesFile().isPresent() ? Files.newInputStream(Path.of(config.rulesFile().get()))
                : RuleBook.class.getResourceAsStream("/rules/default-rules.yaml")) {
            RuleSet rules = YAML.readValue(in, RuleSet.class);
            validate(rules);
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules file", e);
        }
    }

    private static RuleSet parse(String document, ObjectMapper mapper) {
        try {
            return mapper.readValue(document, RuleSet.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rules are not readable", e);
        }
    }

    /** What Bean Validation cannot say: unique names and positive durations. */
    static void validate(RuleSet rules) {
        List<Rule> list = rules.rules();
        for (int i = 0; i < list.size(); i++) {
            Rule rule = list.get(i);
            String at = "rules[" + i + "]";
            if (list.stream().filter(other -> other.name().equals(rule.name())).count() > 1) {
                throw new InvalidInputException(at + ".name", "rule names must be unique");
            }
            positive(rule.repeatEvery(), at + ".repeatEvery");
            positive(rule.escalateAfter(), at + ".escalateAfter");
        }
    }

    private static void positive(Duration duration, String field) {
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new InvalidInputException(field, "must be a positive duration");
        }
    }
}
