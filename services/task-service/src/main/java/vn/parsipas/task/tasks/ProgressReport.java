package vn.parsipas.task.tasks;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A progress report of an agency on a task. */
@Entity
@Table(name = "progress_report")
public class ProgressReport extends PanacheEntityBase {
    @Id
    public String id;

    @Column(name = "task_id")
    public String taskId;

    @Column(name = "percent_complete")
    public BigDecimal percentComplete;

    public String note;

    @Column(name = "evidence_url")
    public String evidenceUrl;

    @Column(name = "reporting_agency")
    public String reportingAgency;

    @Column(name = "reported_at")
    public Instant reportedAt;

    @Column(name = "reported_by")
    public String reportedBy;
}
