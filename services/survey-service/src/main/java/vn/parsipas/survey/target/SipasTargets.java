package vn.parsipas.survey.target;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.plan.TargetDefined;
import vn.parsipas.platform.events.EventConsumer;
import vn.parsipas.platform.events.ReceivedEvent;
import vn.parsipas.survey.Db;

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
        return events.consume(message, "survey-targets", Set.of(EventType.TARGET_DEFINED), this::apply);
    }

    private Uni<Void> apply(ReceivedEvent event) {
        TargetDefined defined = event.data(TargetDefined.class);
        SipasTarget target = SipasTarget.of(defined);
        Uni<Void> previousDue = Db.rows("select sub_index, year from sipas_target where target_id = ?1", defined.targetId())
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().voidItem()
                        : reevaluate((String) rows.get(0)[0], ((Number) rows.get(0)[1]).intValue()));
        if (target == null) {
            // Not a SIPAS target (indicator-service's), or one that was dropped: it judges nothing here.
            return previousDue.chain(() -> Db.execute("update sipas_target set active = false where target_id = ?1",
                    defined.targetId())).replaceWithVoid();
        }
        if (target.percent() == null) {
            LOG.infof("target %s of sub-index %s has no value yet (baseline unknown): no below-target facts until it has",
                    target.targetId(), target.subIndex());
        }
        return previousDue
                .chain(() -> Db.execute("insert into sipas_target (target_id, sub_index, year, comparator, target_percent,"
                                + " responsible_agency, active, plan_version) values (?1, ?2, ?3, ?4, cast(?5 as numeric), ?6, true, ?7)"
                                + " on conflict (target_id) do update set sub_index = excluded.sub_index, year = excluded.year,"
                                + " comparator = excluded.comparator, target_percent = excluded.target_percent,"
                                + " responsible_agency = excluded.responsible_agency, active = true, plan_version = excluded.plan_version",
                        target.targetId(), target.subIndex(), target.year(), target.comparator(), target.percent(),
                        target.responsibleAgency(), defined.planVersion()))
                .chain(() -> reevaluate(target.subIndex(), target.year()));
    }

    private Uni<Void> reevaluate(String subIndex, int year) {
        return Db.execute("update sub_index_stat set evaluation_due = true, publication_due = true"
                + " where sub_index = ?1 and left(period, 4) = ?2", subIndex, String.valueOf(year)).replaceWithVoid();
    }

    /**
     * The target that judges each sub-index in each year, in the caller's session: among the active
     * ones, the strictest with a value, else one without (so that its id is still reported).
     */
    public Uni<Map<String, SipasTarget>> applicable() {
        return Db.rows("select target_id, sub_index, year, comparator, target_percent, responsible_agency from sipas_target"
                        + " where active order by sub_index, year, target_percent desc nulls last, target_id")
                .map(rows -> {
                    Map<String, SipasTarget> targets = new LinkedHashMap<>();
                    rows.forEach(row -> targets.putIfAbsent(key((String) row[1], ((Number) row[2]).intValue()),
                            new SipasTarget((String) row[0], (String) row[1], ((Number) row[2]).intValue(), (String) row[3],
                                    (BigDecimal) row[4], (String) row[5])));
                    return targets;
                });
    }

    public static String key(String subIndex, int year) {
        return subIndex + "|" + year;
    }
}
