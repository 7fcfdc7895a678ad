package vn.parsipas.task.tasks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A task assigned to a lead agency, with coordinating agencies, a deadline and its deadline-fact state. */
@Entity
@Table(name = "task")
public class Task extends PanacheEntityBase {
    public static final String OPEN = "open";
    public static final String IN_PROGRESS = "in-progress";
    public static final String COMPLETED = "completed";
    public static final String WITHDRAWN = "withdrawn";

    @Id
    public String id;

    @Column(name = "plan_id")
    public String planId;

    @Column(name = "criterion_code")
    public String criterionCode;

    @Column(name = "plan_task_id")
    public String planTaskId;

    public String title;

    public String intro;

    @Column(name = "lead_agency")
    public String leadAgency;

    @Column(name = "coordinating_agencies", columnDefinition = "text[]")
    public String[] coordinatingAgencies = new String[0];

    public LocalDate deadline;

    @Column(name = "due_at")
    public Instant dueAt;

    public String recurrence;

    @Column(name = "report_to")
    public String reportTo;

    public String status = OPEN;

    @Column(name = "percent_complete")
    public BigDecimal percentComplete;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "assigned_by")
    public String assignedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "completed_by")
    public String completedBy;

    @Column(name = "completed_on_time")
    public Boolean completedOnTime;

    @Column(name = "plan_spec")
    public String planSpec;


    @Column(name = "deadline_arming")
    public int deadlineArming = 1;

    @Column(name = "last_due_soon_days")
    public Integer lastDueSoonDays;

    @Column(name = "overdue_raised")
    public boolean overdueRaised;

    @Column(name = "next_deadline_check")
    public Instant nextDeadlineCheck;

    public List<String> coordinating() {
        return List.of(coordinatingAgencies);
    }

    public boolean isClosed() {
        return COMPLETED.equals(status) || WITHDRAWN.equals(status);
    }

    /** A due-soon or overdue fact was raised for the current deadline, so clearing it means something. */
    public boolean hasDeadlineFacts() {
        return lastDueSoonDays != null || overdueRaised;
    }
}
