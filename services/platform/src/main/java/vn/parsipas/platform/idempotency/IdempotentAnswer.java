package vn.parsipas.platform.idempotency;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The first answer to a request sent with an Idempotency-Key (db/platform, table idempotent_request). */
@Entity
@Table(name = "idempotent_request")
public class IdempotentAnswer {
    @Id
    @Column(name = "scoped_key")
    public String scopedKey;

    @Column(name = "request_hash")
    public String requestHash;

    public int status;

    public String body;

    @Column(name = "created_at")
    public Instant createdAt;
}
