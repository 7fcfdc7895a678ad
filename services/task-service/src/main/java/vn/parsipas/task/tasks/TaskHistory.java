package vn.parsipas.task.tasks;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One change of a task, with who made it and why: assignment, reassignment, deadline change, ... */
@Entity
@Table(name = "task_history")
public class TaskHistory extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "task_id")
    public String taskId;

    public Instant at;

    public String actor;

    public String change;

    @Column(name = "lead_agency")
    public String leadAgency;

    @Column(name = "previous_lead_agency")
    public String previousLeadAgency;

    public LocalDate deadline;

    @Column(name = "previous_deadline")
    public LocalDate previousDeadline;

    public String reason;
}
