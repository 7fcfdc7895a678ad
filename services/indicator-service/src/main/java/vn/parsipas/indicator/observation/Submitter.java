package vn.parsipas.indicator.observation;

import java.util.Set;

import vn.parsipas.contracts.indicator.IndicatorObserved;
import vn.parsipas.indicator.evaluation.TargetEvaluations;

/**
 * Who pushes a REST batch, from the bearer token only: its source (what the catalogue's allowed
 * sources are checked against, and what the Idempotency-Key is scoped by), the indicators its
 * client is registered for (null: any the catalogue lets its source report) and the agency whose
 * scope bounds it (null: any scope).
 */
public record Submitter(String source, Set<String> indicators, String scopeAgency) {

    /** A system's client-credentials token: source {@code /<clientId>}, only its {@code allowed_indicators}. */
    public static Submitter client(String clientId, Set<String> allowedIndicators) {
        return new Submitter("/" + clientId, Set.copyOf(allowedIndicators), null);
    }

    /** Agency staff enter their agency's figures: source {@code /agencies/<agency>}, the province or their agency. */
    public static Submitter agencyStaff(String agency) {
        return new Submitter(agencySource(agency), null, agency);
    }

    /** A coordinator enters figures as its own agency, for any scope. */
    public static Submitter coordinator(String agency) {
        return new Submitter(agencySource(agency), null, null);
    }

    public static String agencySource(String agency) {
        return "/agencies/" + agency;
    }

    /** Refuses an item this submitter may not push, naming the field. */
    void authorize(IndicatorObserved data) {
        if (indicators != null && !indicators.contains(data.indicatorCode())) {
            throw new ObservationRejected("indicatorCode", "client '" + source.substring(1)
                    + "' is not registered for indicator '" + data.indicatorCode() + "'");
        }
        if (scopeAgency != null && !TargetEvaluations.SCOPE.equals(data.scope()) && !scopeAgency.equals(data.scope())) {
            throw new ObservationRejected("scope", "staff of " + scopeAgency + " may report figures for "
                    + TargetEvaluations.SCOPE + " or " + scopeAgency + " only, not '" + data.scope() + "'");
        }
    }
}
