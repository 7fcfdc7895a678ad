package vn.parsipas.notification.stream;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A row whose insert NOTIFYs its id to the live streams (V2, V3 migrations); removed by the retention job. */
@Entity
@Table(name = "alert_change")
public class AlertChangeNotice extends PanacheEntityBase {
    @Id
    public String id;

    public String payload;
}
