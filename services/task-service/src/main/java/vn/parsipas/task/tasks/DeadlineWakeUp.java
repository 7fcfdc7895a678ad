package vn.parsipas.task.tasks;

/**
 * Tells the deadline feature that a task's deadline was armed, so its next pass comes now and not at
 * the next timer tick; implemented by the deadline scheduler, which imports tasks and not the other way.
 */
public interface DeadlineWakeUp {
    void wake();
}
