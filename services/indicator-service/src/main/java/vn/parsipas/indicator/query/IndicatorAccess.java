package vn.parsipas.indicator.query;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.indicator.catalogue.Indicator;
import vn.parsipas.indicator.evaluation.TargetEvaluations;
import vn.parsipas.indicator.observation.Submitter;

/**
 * Whose indicator values an agency may read: those of an indicator it provides (the catalogue's
 * data provider or an allowed source of its own) or one an active target of it is measured by, for
 * the province or its own agency as scope. Decided in SQL with the caller's agencies; 403 otherwise.
 */
@ApplicationScoped
public class IndicatorAccess {
    @Inject
    Pool pool;

    public Uni<Void> require(Indicator indicator, String scope, Set<String> visibleAgencies) {
        if (visibleAgencies == null) {
            return Uni.createFrom().voidItem();
        }
        boolean provides = visibleAgencies.stream().anyMatch(agency -> agency.equals(indicator.dataProvider())
                || indicator.sources().contains(Submitter.agencySource(agency)));
        return pool.preparedQuery("select ($3 = $4 or $3 = any($2::text[])) and ($5 or exists (select 1 from target "
                        + "where active and indicator_code = $1 and responsible_agency = any($2::text[]))) as allowed")
                .execute(Tuple.of(indicator.code(), TargetQueries.agencies(visibleAgencies), scope, TargetEvaluations.SCOPE,
                        provides))
                .map(rows -> {
                    if (!rows.iterator().next().getBoolean("allowed")) {
                        throw new ForbiddenException("values of another agency");
                    }
                    return null;
                });
    }
}
