package vn.parsipas.contracts;

/**
 * One way a document breaks its schema: {@code field} is the path of the offending value
 * ({@code answers[2].score}, empty for the document itself), {@code message} says what is wrong.
 */
public record SchemaViolation(String field, String message) {
    @Override
    public String toString() {
        return (field.isEmpty() ? "(document)" : field) + ": " + message;
    }
}
