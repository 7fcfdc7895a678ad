package vn.parsipas.platform.problem;

import java.util.List;

/**
 * The few ways a request can fail that a client can act on; each becomes one problem+json
 * response (see {@link ProblemMappers}).
 */
public abstract class DomainException extends RuntimeException {
    private final List<Problem.FieldError> errors;

    protected DomainException(String message, List<Problem.FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public abstract int status();

    public abstract String title();
}
