package vn.parsipas.survey.questionnaire;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.JsonSchemas;
import vn.parsipas.contracts.SchemaViolation;
import vn.parsipas.platform.problem.ConflictException;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.problem.Problem;
import vn.parsipas.platform.text.Sha256;
import vn.parsipas.platform.time.BusinessTime;

/**
 * The published questionnaires. Publishing stores a version once; the same content again is a
 * no-op, different content under a published (id, version) is refused: a version never changes.
 * Published versions are immutable, so this replica caches them for ever.
 */
@ApplicationScoped
public class QuestionnaireCatalog {
    public static final String SCHEMA = "classpath:questionnaires/questionnaire.schema.json";
    private static final Logger LOG = Logger.getLogger(QuestionnaireCatalog.class);
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final Map<String, QuestionnaireVersion> versions = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    @Inject
    Pool pool;

    public enum Outcome { PUBLISHED, UNCHANGED }

    /** Parses and checks a questionnaire document (from a file or a request). */
    public static Questionnaire parse(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw new InvalidInputException("", "the body must be a questionnaire document (JSON object)");
        }
        List<SchemaViolation> violations = JsonSchemas.validate(SCHEMA, document);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations.stream()
                    .map(violation -> new Problem.FieldError(violation.field(), violation.message())).toList());
        }
        Questionnaire questionnaire;
        try {
            questionnaire = EventJson.mapper().treeToValue(document, Questionnaire.class);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("", e.getOriginalMessage());
        }
        List<String> problems = QuestionnaireVersion.problems(questionnaire);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream().map(problem -> new Problem.FieldError("", problem)).toList());
        }
        return questionnaire;
    }

    /** Stores a new version, in a transaction of its own; refuses to change a published one. */
    public Uni<Outcome> publish(Questionnaire questionnaire) {
        String json = canonicalJson(questionnaire);
        String hash = Sha256.hex(json);
        return pool.withTransaction(connection -> connection.preparedQuery("select content_hash from questionnaire"
                        + " where questionnaire_id = $1 and version = $2 for update")
                .execute(Tuple.of(questionnaire.id(), questionnaire.version()))
                .chain(rows -> {
                    if (rows.size() > 0) {
                        if (!hash.equals(rows.iterator().next().getString("content_hash"))) {
                            throw new ConflictException("questionnaire " + questionnaire.id() + " version "
                                    + questionnaire.version() + " is published with other content and never changes;"
                                    + " publish the change as a new version");
                        }
                        return Uni.createFrom().item(Outcome.UNCHANGED);
                    }
                    return insert(connection, questionnaire, json, hash).replaceWith(Outcome.PUBLISHED);
                }))
                .invoke(outcome -> remember(questionnaire));
    }

    private Uni<Void> insert(SqlConnection connection, Questionnaire questionnaire, String json, String hash) {
        Map<String, String> questions = new QuestionnaireVersion(questionnaire).subIndexOfQuestion();
        return connection.preparedQuery("insert into questionnaire (questionnaire_id, version, title, document, content_hash, published_at)"
                                + " values ($1, $2, $3, $4::text::jsonb, $5, $6)")
                .execute(Tuple.of(questionnaire.id(), questionnaire.version(), questionnaire.title(), json, hash,
                        BusinessTime.utc(clock.instant())))
                .chain(() -> connection.preparedQuery("insert into questionnaire_question (questionnaire_id, version, question_id, sub_index)"
                        + " select $1::text, $2::int, q, s from unnest($3::text[], $4::text[]) as t(q, s)")
                        .execute(Tuple.of(questionnaire.id(), questionnaire.version(), questions.keySet().toArray(String[]::new),
                                questions.values().toArray(String[]::new))))
                .invoke(() -> LOG.infof("published questionnaire %s version %d", questionnaire.id(), questionnaire.version()))
                .replaceWithVoid();
    }

    /** A published version, from the cache or the database (another replica may have published it). */
    public Uni<Optional<QuestionnaireVersion>> find(String id, int version) {
        QuestionnaireVersion cached = versions.get(key(id, version));
        if (cached != null) {
            return Uni.createFrom().item(Optional.of(cached));
        }
        return pool.preparedQuery("select document::text from questionnaire where questionnaire_id = $1 and version = $2")
                .execute(Tuple.of(id, version))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(remember(read(rows.iterator().next().getString("document")))));
    }

    /** The newest version of a questionnaire, if any is published. */
    public Uni<Optional<QuestionnaireVersion>> latest(String id) {
        return pool.preparedQuery("select max(version) as version from questionnaire where questionnaire_id = $1").execute(Tuple.of(id))
                .chain(rows -> {
                    Integer newest = rows.iterator().next().getInteger("version");
                    return newest == null ? Uni.createFrom().item(Optional.<QuestionnaireVersion>empty()) : find(id, newest);
                });
    }

    /** Every published version, newest first per questionnaire (for listing). */
    public Uni<List<Summary>> list() {
        return pool.query("select questionnaire_id, version, title, published_at from questionnaire order by questionnaire_id, version desc")
                .execute()
                .map(rows -> {
                    List<Summary> summaries = new ArrayList<>();
                    rows.forEach(row -> summaries.add(new Summary(row.getString("questionnaire_id"), row.getInteger("version"),
                            row.getString("title"), BusinessTime.instant(row.getOffsetDateTime("published_at")))));
                    return summaries;
                });
    }

    public record Summary(String id, int version, String title, java.time.Instant publishedAt) {
    }

    /** Names of the sub-indices, from every version this replica knows (loading all if one is missing). */
    public Uni<Map<String, String>> subIndexNames(java.util.Collection<String> codes) {
        Map<String, String> known = knownNames();
        if (known.keySet().containsAll(codes)) {
            return Uni.createFrom().item(known);
        }
        return pool.query("select document::text from questionnaire order by version").execute()
                .map(rows -> {
                    rows.forEach(row -> remember(read(row.getString("document"))));
                    return knownNames();
                });
    }

    private Map<String, String> knownNames() {
        return versions.values().stream()
                .sorted(java.util.Comparator.comparingInt(QuestionnaireVersion::version))
                .flatMap(version -> version.subIndexNames().entrySet().stream())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (older, newer) -> newer));
    }

    private QuestionnaireVersion remember(Questionnaire questionnaire) {
        return versions.computeIfAbsent(key(questionnaire.id(), questionnaire.version()),
                key -> new QuestionnaireVersion(questionnaire));
    }

    private static Questionnaire read(String json) {
        try {
            return EventJson.mapper().readValue(json, Questionnaire.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored questionnaire is unreadable", e);
        }
    }

    private static String key(String id, int version) {
        return id + "|" + version;
    }

    static String canonicalJson(Questionnaire questionnaire) {
        try {
            return CANONICAL.writeValueAsString(questionnaire);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
