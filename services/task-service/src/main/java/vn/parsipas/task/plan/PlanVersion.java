package vn.parsipas.task.plan;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One imported version of a plan: the file as imported and what it changed. */
@Entity
@Table(name = "plan_version")
public class PlanVersion extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id")
    public String planId;

    public int version;

    @Column(name = "content_hash")
    public String contentHash;

    public String document;

    public String changes;

    @Column(name = "imported_at")
    public Instant importedAt;

    @Column(name = "imported_by")
    public String importedBy;
}
