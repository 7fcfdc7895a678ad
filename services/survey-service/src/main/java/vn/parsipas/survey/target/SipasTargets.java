package vn.parsipas.survey.target;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.plan.TargetDefined;
import vn.parsipas.platform.events.EventConsumer;
import vn.parsipas.platform.events.ReceivedEvent;

/**
 * The SIPAS targets of the plans (plan.targets.v1, kind sipas). A changed target makes the
 * evaluator look again at every aggregate of its sub-index and year.
 */
@ApplicationScoped
public class SipasTargets {
    private static final Logger LOG = Logger.getLogger(SipasTargets.class);

    @Inject
    EventConsumer events;

    @Incoming("targets")
    public Uni<Void> consume(Message<byte[]> message) {
        return events.consumeOnPool(message, "survey-targets", Set.of(EventType.TARGET_DEFINED), this::apply);
    }

    private Uni<Void> apply(SqlConnection connection, ReceivedEvent event) {
        TargetDefined defined = event.data(TargetDefined.class);
        SipasTarget target = SipasTarget.of(defined);
        Uni<Void> previousDue = connection.preparedQuery("select sub_index, year from sipas_target where target_id = $1")
                .execute(Tuple.of(defined.targetId()))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    Row previous = rows.iterator().next();
                    return reevaluate(connection, previous.getString("sub_index"), previous.getInteger("year"));
                });
        if (target == null) {
            // Not a SIPAS target (indicator-service's), or one that was dropped: it judges nothing here.
            return previousDue.chain(() -> connection.preparedQuery("update sipas_target set active = false where target_id = $1"
                    + " and plan_version <= $2").execute(Tuple.of(defined.targetId(), defined.planVersion()))).replaceWithVoid();
        }
        if (target.percent() == null) {
            LOG.infof("target %s of sub-index %s has no value yet (baseline unknown): no below-target facts until it has",
                    target.targetId(), target.subIndex());
        }
        return previousDue
                .chain(() -> connection.preparedQuery("insert into sipas_target (target_id, sub_index, year, comparator, target_percent,"
                                + " responsible_agency, active, plan_version) values ($1, $2, $3, $4, $5, $6, true, $7)"
                                + " on conflict (target_id) do update set sub_index = excluded.sub_index, year = excluded.year,"
                                + " comparator = excluded.comparator, target_percent = excluded.target_percent,"
                                + " responsible_agency = excluded.responsible_agency, active = true, plan_version = excluded.plan_version"
                                // latest wins: a definition of an earlier plan version, delivered late, changes nothing
                                + " where sipas_target.plan_version <= excluded.plan_version")
                        .execute(Tuple.of(target.targetId(), target.subIndex(), target.year(), target.comparator(), target.percent(),
                                target.responsibleAgency()).addInteger(defined.planVersion())))
                .chain(() -> reevaluate(connection, target.subIndex(), target.year()));
    }

    private Uni<Void> reevaluate(SqlConnection connection, String subIndex, int year) {
        return connection.preparedQuery("update sub_index_stat set evaluation_due = true, publication_due = true"
                + " where sub_index = $1 and left(period, 4) = $2").execute(Tuple.of(subIndex, String.valueOf(year))).replaceWithVoid();
    }

    /**
     * The target that judges each sub-index in each year, on the caller's connection or the pool: among
     * the active ones, the strictest with a value, else one without (so that its id is still reported).
     */
    public Uni<Map<String, SipasTarget>> applicable(SqlClient client) {
        return client.query("select target_id, sub_index, year, comparator, target_percent, responsible_agency from sipas_target"
                        + " where active order by sub_index, year, target_percent desc nulls last, target_id").execute()
                .map(rows -> {
                    Map<String, SipasTarget> targets = new LinkedHashMap<>();
                    rows.forEach(row -> targets.putIfAbsent(key(row.getString("sub_index"), row.getInteger("year")),
                            new SipasTarget(row.getString("target_id"), row.getString("sub_index"), row.getInteger("year"),
                                    row.getString("comparator"), row.getBigDecimal("target_percent"), row.getString("responsible_agency"))));
                    return targets;
                });
    }

    public static String key(String subIndex, int year) {
        return subIndex + "|" + year;
    }
}
