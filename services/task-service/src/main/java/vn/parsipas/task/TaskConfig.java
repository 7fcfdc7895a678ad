package vn.parsipas.task;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "parsipas.task")
public interface TaskConfig {
    /**
     * Plan file imported at the first start of an empty database: {@code classpath:plans/...} or a
     * file path. Unset: start empty.
     */
    Optional<String> initialPlan();

    Deadlines deadlines();

    interface Deadlines {
        /** Lead times of the due-soon facts, in days before the deadline. */
        @WithDefault("30,7,1")
        List<Integer> dueSoonDays();

        /**
         * Safety-net interval of the detection pass ({@code off} disables the scheduled pass and its
         * timer, for tests that drive it). Between passes a timer wakes the pass when the next
         * trigger comes.
         */
        @WithDefault("30s")
        String checkInterval();

        /** Tasks claimed per transaction of a pass. */
        @WithDefault("100")
        int batchSize();
    }
}
