package vn.parsipas.notification.rule;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The ordered routing rules, as the file and the API carry them. */
public record RuleSet(@NotNull @Size(max = 100) List<@Valid @NotNull Rule> rules) {

    /** The stored rules with their version, for GET and after PUT. */
    @Schema(name = "StoredRuleSet", requiredProperties = { "version", "rules", "updatedAt", "updatedBy" })
    public record Stored(int version, List<Rule> rules, Instant updatedAt, String updatedBy) {
    }

    public Rule match(String kind, String severity, String agency) {
        return rules.stream().filter(rule -> rule.matches(kind, severity, agency)).findFirst().orElse(Rule.FALLBACK);
    }
}
