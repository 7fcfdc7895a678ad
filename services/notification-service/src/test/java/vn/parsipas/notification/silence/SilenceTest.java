package vn.parsipas.notification.silence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SilenceTest {
    @Test
    void aPatternMatchesFingerprintsWithWildcardsAndAnAgencyOnlyItsOwnNotifications() {
        Silence byPattern = new Silence();
        byPattern.fingerprintPattern = "task-overdue:dak-lak-2025:1.16-*";
        Silence byAgency = new Silence();
        byAgency.agencyCode = "SO-KHCN";

        assertThat(byPattern.mutes("task-overdue:dak-lak-2025:1.16-t1", "SO-TU-PHAP")).isTrue();
        assertThat(byPattern.mutes("task-overdue:dak-lak-2025:1.1-t1", "SO-TU-PHAP")).isFalse();
        assertThat(byPattern.mutes("task-due-soon:dak-lak-2025:1.16-t1", "SO-TU-PHAP")).isFalse();
        assertThat(byAgency.mutes("target-missed:x", "SO-KHCN")).isTrue();
        assertThat(byAgency.mutes("target-missed:x", "SO-KHCN-2")).isFalse();
        assertThat(Silence.glob("a.b?c").matcher("a.bXc").matches()).isTrue();
        assertThat(Silence.glob("a.b?c").matcher("aXbXc").matches()).isFalse();
    }
}
