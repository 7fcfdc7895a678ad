package vn.parsipas.task.plan;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A PAR criterion or sub-criterion, or a SIPAS item, of a plan. */
@Entity
@Table(name = "criterion")
public class Criterion extends PanacheEntityBase {
    @Id
    public String id;

    @Column(name = "plan_id")
    public String planId;

    public String code;

    public int position;

    public String kind;

    public String area;

    @Column(name = "group_code")
    public String groupCode;

    public String title;

    public String objective;

    @Column(name = "lead_agency")
    public String leadAgency;

    @Column(name = "lead_agency_inferred")
    public boolean leadAgencyInferred;

    @Column(name = "coordinating_agencies", columnDefinition = "text[]")
    public String[] coordinatingAgencies = new String[0];

    @Column(name = "responsibility_text")
    public String responsibilityText;

    public LocalDate deadline;

    @Column(name = "deadline_text")
    public String deadlineText;

    public boolean active = true;
}
