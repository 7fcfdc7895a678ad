package vn.parsipas.notification.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.parsipas.platform.problem.InvalidInputException;

class RuleSetTest {
    private static Rule rule(String name, List<String> kinds, List<String> agencies, List<String> channels) {
        return new Rule(name, kinds, null, agencies, channels, false, null, null, null, null, null);
    }

    @Test
    void theFirstMatchingRuleWinsAndNoMatchMeansInboxOnly() {
        RuleSet rules = new RuleSet(List.of(
                rule("khcn-overdue", List.of("task-overdue"), List.of("SO-KHCN"), List.of("inbox", "webhook")),
                rule("overdue", List.of("task-overdue"), List.of(), List.of("inbox", "email"))));

        assertThat(rules.match("task-overdue", "critical", "SO-KHCN").name()).isEqualTo("khcn-overdue");
        assertThat(rules.match("task-overdue", "critical", "SO-TU-PHAP").name()).isEqualTo("overdue");
        assertThat(rules.match("target-missed", "critical", "SO-KHCN")).isEqualTo(Rule.FALLBACK);
        assertThat(Rule.FALLBACK.channels()).containsExactly("inbox");
    }

    @Test
    void namesMustBeUniqueAndDurationsPositive() {
        assertThatThrownBy(() -> RuleBook.validate(new RuleSet(List.of(rule("a", null, null, List.of("inbox")),
                rule("a", null, null, List.of("email"))))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rules[0].name");
        assertThatThrownBy(() -> RuleBook.validate(new RuleSet(List.of(new Rule("a", null, null, null, List.of("inbox"),
                false, null, null, Duration.ZERO, null, null)))))
                .hasMessageContaining("rules[0].escalateAfter");
    }
}
