package vn.parsipas.console.web;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.qute.TemplateData;

/** The mistakes in a submitted form, each tied to its field (the page lists them on top and beside the fields). */
@TemplateData
public final class FormErrors {
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors = new ArrayList<>();

    public FormErrors add(String field, String message) {
        if (message(field) == null) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    public String message(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(FieldError::message).findFirst().orElse(null);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }
}
