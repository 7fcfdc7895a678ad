package vn.parsipas.platform.testapp;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A tiny aggregate: the platform's tests change it and emit events about it. */
@Entity
@Table(name = "agency_copy")
public class AgencyCopy extends PanacheEntityBase {
    @Id
    public String code;

    public String name;

    /** How many events the test consumer applied to this agency. */
    public int applied;

    @Version
    public int version;
}
