package vn.parsipas.notification.stream;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A row whose insert NOTIFYs the live streams (see V2__alert_change_notices.sql); it never stays. */
@Entity
@Table(name = "alert_change")
public class AlertChangeNotice extends PanacheEntityBase {
    @Id
    public String id;

    public String payload;
}
