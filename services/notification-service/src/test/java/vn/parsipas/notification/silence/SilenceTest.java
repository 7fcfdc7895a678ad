package vn.parsipas.notification.silence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SilenceTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-01-08T00:00:00Z");

    @Test
    void aPatternMatchesFingerprintsWithWildcardsAndAnAgencyOnlyItsOwnNotifications() {
        ActiveSilences.Window byPattern = new ActiveSilences.Window("1", "task-overdue:dak-lak-2025:1.16-*", null, START, END, "x");
        ActiveSilences.Window byAgency = new ActiveSilences.Window("2", null, "SO-KHCN", START, END, "x");
        Instant during = START.plusSeconds(60);

        assertThat(byPattern.mutes(during, "task-overdue:dak-lak-2025:1.16-t1", "SO-TU-PHAP")).isTrue();
        assertThat(byPattern.mutes(during, "task-overdue:dak-lak-2025:1.1-t1", "SO-TU-PHAP")).isFalse();
        assertThat(byPattern.mutes(during, "task-due-soon:dak-lak-2025:1.16-t1", "SO-TU-PHAP")).isFalse();
        assertThat(byAgency.mutes(during, "target-missed:x", "SO-KHCN")).isTrue();
        assertThat(byAgency.mutes(during, "target-missed:x", "SO-KHCN-2")).isFalse();
        assertThat(Silence.matches("a.b?c", "a.bXc")).isTrue();
        assertThat(Silence.matches("a.b?c", "aXbXc")).isFalse();
        assertThat(Silence.matches("*:1.1?-*", "task-overdue:1.16-t1")).isTrue();
        assertThat(Silence.matches("*", "")).isTrue();
        assertThat(Silence.matches("?", "")).isFalse();
    }

    @Test
    void aSilenceMutesOnlyWithinItsWindow() {
        ActiveSilences.Window window = new ActiveSilences.Window("1", null, "SO-KHCN", START, END, "x");

        assertThat(window.mutes(START.minusSeconds(1), "f", "SO-KHCN")).isFalse();
        assertThat(window.mutes(START, "f", "SO-KHCN")).isTrue();
        assertThat(window.mutes(END, "f", "SO-KHCN")).isFalse();
    }

    @Test
    void aPatternFullOfWildcardsMatchesInLinearTime() {
        String hostile = "*?".repeat(20) + "Z";
        String fingerprint = "task-overdue:dak-lak-2025:1.16-" + "t".repeat(100);
        ActiveSilences.Window window = new ActiveSilences.Window("1", hostile, null, START, END, "x");

        // a regular expression of this pattern backtracks for ages on a fingerprint without Z; the glob matcher does not
        boolean[] mutes = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> new boolean[] {
                window.mutes(START, fingerprint, "SO-KHCN"), window.mutes(START, fingerprint + "Z", "SO-KHCN"),
                window.mutes(START, "Z", "SO-KHCN")});

        assertThat(mutes).containsExactly(false, true, false);
    }
}
