package vn.parsipas.contracts;

/**
 * The data of a CloudEvent of this suite. {@link #subject()} is the aggregate the event is about
 * (CloudEvents {@code subject}); {@link #partitionKey()} keeps that aggregate's events in one
 * Kafka partition, in order.
 */
public interface Event {
    String subject();

    default String partitionKey() {
        return subject();
    }
}
