package vn.parsipas.task.plan;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A plan at its current version. */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {
    @Id
    public String id;

    public String number;

    public String title;

    @Column(name = "short_title")
    public String shortTitle;

    public String issuer;

    public String province;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    public int year;

    public int version;

    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "imported_at")
    public Instant importedAt;

    @Column(name = "imported_by")
    public String importedBy;
}
