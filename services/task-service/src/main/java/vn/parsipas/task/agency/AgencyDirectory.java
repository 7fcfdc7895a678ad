package vn.parsipas.task.agency;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.JsonSchemas;
import vn.parsipas.contracts.directory.AgencyUpserted;
import vn.parsipas.platform.outbox.Outbox;
import vn.parsipas.platform.paging.Cursors;
import vn.parsipas.platform.paging.Page;
import vn.parsipas.platform.paging.SqlBuilder;
import vn.parsipas.platform.problem.ConflictException;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.problem.NotFoundException;
import vn.parsipas.platform.problem.Problem;
import vn.parsipas.platform.webhook.WebhookTargets;
import vn.parsipas.task.agency.AgencyRequests.AgencyChange;
import vn.parsipas.task.agency.AgencyRequests.NewAgency;
import vn.parsipas.task.agency.AgencyRequests.PlanAgency;

/**
 * The agency directory: every change is published as {@link AgencyUpserted} on the compacted topic
 * directory.agencies.v1 in the same transaction. Agencies are never deleted, only deactivated: tasks
 * and alerts keep pointing at them.
 */
@ApplicationScoped
public class AgencyDirectory {
    private static final Logger LOG = Logger.getLogger(AgencyDirectory.class);
    static final String COLLECTIVE = "collective";

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    WebhookTargets targets;

    @Inject
    Pool pool;

    /** The directory as a read model, on the pool: a page in code order, of one kind or all. */
    public Uni<Page<AgencyView>> list(String cursor, int limit, String kind) {
        List<String> after = Cursors.decode(cursor, 1);
        SqlBuilder sql = new SqlBuilder("select code, name, kind, parent_code, emails, webhook_url, active, created_at, updated_at "
                + "from agency").append(" where code > ?", after == null ? "" : after.get(0));
        if (kind != null) {
            sql.append(" and kind = ?", kind);
        }
        sql.append(" order by code limit ?", limit + 1);
        return pool.preparedQuery(sql.sql()).execute(sql.tuple())
                .map(rows -> {
                    List<AgencyView> agencies = new ArrayList<>();
                    rows.forEach(row -> agencies.add(new AgencyView(row.getString("code"), row.getString("name"),
                            row.getString("kind"), row.getString("parent_code"), List.of(row.getArrayOfStrings("emails")),
                            row.getString("webhook_url"), row.getBoolean("active"), instant(row, "created_at"),
                            instant(row, "updated_at"))));
                    return Page.of(agencies, limit, agency -> Cursors.encode(agency.code()));
                });
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    public Uni<AgencyView> get(String code) {
        return Panache.withSession(() -> require(code)).map(AgencyView::of);
    }

    public Uni<AgencyView> create(NewAgency request) {
        return targets.requireAllowed("webhookUrl", request.webhookUrl())
                .chain(() -> Panache.withTransaction(() -> Agency.<Agency>findById(request.code()).chain(existing -> {
                    if (existing != null) {
                        throw new ConflictException("agency " + request.code() + " already exists");
                    }
                    Agency agency = new Agency();
                    agency.code = request.code();
                    agency.createdAt = clock.instant();
                    return apply(agency, request.asChange(), true);
                })))
                .map(AgencyView::of);
    }

    public Uni<AgencyView> update(String code, AgencyChange request) {
        return targets.requireAllowed("webhookUrl", request.webhookUrl())
                .chain(() -> Panache.withTransaction(() -> require(code).chain(agency -> apply(agency, request, false))))
                .map(AgencyView::of);
    }

    /** Deactivates an agency (dissolved or merged): its history stays, nothing new can be assigned to it. */
    public Uni<AgencyView> deactivate(String code) {
        return Panache.withTransaction(() -> require(code).chain(agency -> {
            AgencyChange change = new AgencyChange(agency.name, agency.kind, agency.parentCode,
                    List.of(agency.emails), agency.webhookUrl, false);
            return apply(agency, change, false);
        })).map(AgencyView::of);
    }

    /**
     * Brings the directory in line with a plan's agencies inside the caller's transaction: creates the
     * missing ones, updates name, kind and parent where they differ, publishes only those. Contacts
     * and the active flag stay as the directory has them.
     */
    public Uni<Integer> applyPlan(List<PlanAgency> agencies) {
        return Agency.<Agency>listAll().chain(existing -> {
            Map<String, Agency> byCode = existing.stream().collect(Collectors.toMap(a -> a.code, a -> a));
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (PlanAgency planned : parentsFirst(agencies)) {
                Agency agency = byCode.get(planned.code());
                boolean isNew = agency == null;
                if (!isNew && agency.name.equals(planned.name()) && agency.kind.equals(planned.kind())
                        && Objects.equals(agency.parentCode, planned.parentCode())) {
                    continue;
                }
                Agency target = isNew ? new Agency() : agency;
                if (isNew) {
                    target.code = planned.code();
                    target.createdAt = clock.instant();
                }
                target.name = planned.name();
                target.kind = planned.kind();
                target.parentCode = planned.parentCode();
                chain = chain.call(() -> save(target, isNew)).map(count -> count + 1);
            }
            return chain;
        });
    }

    /**
     * Fails with a 400 naming the field unless every code is an active agency of the directory.
     * {@code codesByField} maps a request field (e.g. {@code coordinatingAgencies[1]}) to its code.
     */
    public Uni<Void> requireActive(Map<String, String> codesByField) {
        Set<String> codes = new HashSet<>(codesByField.values());
        return Agency.<Agency>list("code in ?1 and active = true", codes).map(found -> {
            Set<String> active = found.stream().map(a -> a.code).collect(Collectors.toSet());
            List<Problem.FieldError> errors = codesByField.entrySet().stream()
                    .filter(entry -> !active.contains(entry.getValue()))
                    .map(entry -> new Problem.FieldError(entry.getKey(),
                            "agency " + entry.getValue() + " is not an active agency of the directory"))
                    .toList();
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return null;
        });
    }

    private Uni<Agency> require(String code) {
        return Agency.<Agency>findById(code).map(agency -> {
            if (agency == null) {
                throw new NotFoundException("Agency", code);
            }
            return agency;
        });
    }

    private Uni<Agency> apply(Agency agency, AgencyChange change, boolean isNew) {
        return checkParent(agency.code, change.parentCode()).chain(() -> {
            String[] emails = change.emails() == null ? new String[0] : change.emails().toArray(String[]::new);
            boolean active = change.active() == null ? agency.active : change.active();
            if (!isNew && agency.name.equals(change.name()) && agency.kind.equals(change.kind())
                    && Objects.equals(agency.parentCode, change.parentCode()) && Arrays.equals(agency.emails, emails)
                    && Objects.equals(agency.webhookUrl, change.webhookUrl()) && agency.active == active) {
                return Uni.createFrom().item(agency);
            }
            agency.name = change.name();
            agency.kind = change.kind();
            agency.parentCode = change.parentCode();
            agency.emails = emails;
            agency.webhookUrl = change.webhookUrl();
            agency.active = active;
            agency.updatedAt = clock.instant();
            List<Problem.FieldError> violations = JsonSchemas.validate(EventType.AGENCY_UPSERTED,
                    EventJson.mapper().valueToTree(event(agency))).stream()
                    .map(v -> new Problem.FieldError(v.field(), v.message())).toList();
            if (!violations.isEmpty()) {
                throw new InvalidInputException(violations);
            }
            return save(agency, isNew).replaceWith(agency);
        });
    }

    private Uni<Void> save(Agency agency, boolean isNew) {
        agency.updatedAt = clock.instant();
        Uni<Void> persisted = isNew ? agency.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        return persisted.chain(() -> outbox.add(event(agency)))
                .invoke(() -> LOG.infof("agency %s %s", agency.code, isNew ? "created" : "updated"));
    }

    private static AgencyUpserted event(Agency agency) {
        return new AgencyUpserted(agency.code, agency.name, agency.kind, agency.parentCode, List.of(agency.emails),
                agency.webhookUrl, agency.active, agency.updatedAt);
    }

    /** A parent exists, is not a collective, and is not the agency itself or one of its descendants. */
    private Uni<Void> checkParent(String code, String parentCode) {
        if (parentCode == null) {
            return Uni.createFrom().voidItem();
        }
        if (parentCode.equals(code)) {
            throw new InvalidInputException("parentCode", "an agency cannot supervise itself");
        }
        return Agency.<Agency>listAll().map(all -> {
            Map<String, Agency> byCode = new HashMap<>();
            all.forEach(a -> byCode.put(a.code, a));
            Agency parent = byCode.get(parentCode);
            if (parent == null) {
                throw new InvalidInputException("parentCode", "agency " + parentCode + " is not in the directory");
            }
            if (COLLECTIVE.equals(parent.kind)) {
                throw new InvalidInputException("parentCode", "a collective group cannot supervise an agency");
            }
            for (Agency up = parent; up != null; up = up.parentCode == null ? null : byCode.get(up.parentCode)) {
                if (up.code.equals(code)) {
                    throw new InvalidInputException("parentCode", "agency " + parentCode + " is supervised by " + code);
                }
            }
            return null;
        });
    }

    /** Parents before children, so that each row's parent exists when it is inserted. */
    private static List<PlanAgency> parentsFirst(List<PlanAgency> agencies) {
        Map<String, PlanAgency> pending = new LinkedHashMap<>();
        agencies.forEach(a -> pending.put(a.code(), a));
        List<PlanAgency> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (!pending.isEmpty()) {
            int before = pending.size();
            pending.values().removeIf(a -> {
                boolean ready = a.parentCode() == null || placed.contains(a.parentCode()) || !pending.containsKey(a.parentCode());
                if (ready) {
                    ordered.add(a);
                    placed.add(a.code());
                }
                return ready;
            });
            if (pending.size() == before) {
                throw new IllegalStateException("agency parents form a cycle: " + pending.keySet());
            }
        }
        return ordered;
    }
}
