package vn.parsipas.notification.rule;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import vn.parsipas.contracts.Lists;
import vn.parsipas.notification.alert.AlertFilter;
import vn.parsipas.notification.alert.AlertRule;

/**
 * One routing rule: which alerts it matches (kind, severity, responsible agency; empty = any) and
 * what happens to them (see rules/default-rules.yaml for the meaning of each field).
 */
public record Rule(
        @NotBlank @Size(max = 80) String name,
        @Size(max = 20) List<@Pattern(regexp = AlertFilter.KIND) String> kinds,
        @Size(max = 3) List<@Pattern(regexp = AlertFilter.SEVERITY) String> severities,
        @Size(max = 200) List<@Pattern(regexp = AGENCY) String> agencies,
        @NotEmpty @Size(max = 3) List<@Pattern(regexp = "^(inbox|email|webhook)$") String> channels,
        boolean copyCoordinators,
        @Size(max = 20) List<@Pattern(regexp = AGENCY) String> copyTo,
        Duration repeatEvery,
        Duration escalateAfter,
        @Pattern(regexp = AGENCY) String escalateTo,
        @Min(1) @Max(5) Integer escalationLevels) implements AlertRule {

    static final String AGENCY = "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$";

    /** Where an alert that no rule matches goes. */
    public static final Rule FALLBACK = new Rule("fallback", null, null, null, List.of("inbox"), false, null, null, null,
            null, null);

    public Rule {
        kinds = Lists.orEmpty(kinds);
        severities = Lists.orEmpty(severities);
        agencies = Lists.orEmpty(agencies);
        channels = Lists.orEmpty(channels);
        copyTo = Lists.orEmpty(copyTo);
    }

    public boolean matches(String kind, String severity, String agency) {
        return (kinds.isEmpty() || kinds.contains(kind))
                && (severities.isEmpty() || severities.contains(severity))
                && (agencies.isEmpty() || agencies.contains(agency));
    }

    @Override
    public int levels() {
        return escalationLevels == null ? 1 : escalationLevels;
    }
}
