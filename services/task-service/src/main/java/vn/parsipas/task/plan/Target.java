package vn.parsipas.task.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A target as last published on plan.targets.v1 ({@code definition} is the TargetDefined data). */
@Entity
@Table(name = "target")
public class Target extends PanacheEntityBase {
    @Id
    public String id;

    @Column(name = "plan_id")
    public String planId;

    @Column(name = "criterion_code")
    public String criterionCode;

    public String kind;

    public int position;

    public String definition;

    public String fingerprint;

    @Column(name = "plan_version")
    public int planVersion;

    public boolean active;
}
