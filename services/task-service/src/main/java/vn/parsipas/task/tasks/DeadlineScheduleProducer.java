package vn.parsipas.task.tasks;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import vn.parsipas.task.TaskConfig;

@Singleton
public class DeadlineScheduleProducer {
    @Produces
    @Singleton
    DeadlineSchedule schedule(TaskConfig config) {
        return new DeadlineSchedule(config.deadlines().dueSoonDays());
    }
}
