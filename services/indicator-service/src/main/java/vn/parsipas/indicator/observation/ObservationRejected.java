package vn.parsipas.indicator.observation;

/** An observation refused by the catalogue's rules or the contract's schema, naming the field at fault. */
public class ObservationRejected extends RuntimeException {
    private final String field;

    public ObservationRejected(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** As a dead-letter reason: the field, then why. */
    public String describe() {
        return field + ": " + getMessage();
    }
}
