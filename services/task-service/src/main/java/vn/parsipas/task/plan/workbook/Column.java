package vn.parsipas.task.plan.workbook;

/**
 * A column of a sheet of the template: its Vietnamese header, the field of the plan format it holds
 * (dotted for a nested field, e.g. {@code indicator.code}), how its cells are read and, for a choice,
 * its list, and a line of help written under the header.
 */
record Column(String header, String field, Type type, Vocabulary vocabulary, String help) {
    /** How cells are read and written. */
    enum Type {
        /** Text as written (lines kept). */
        TEXT,
        /** One agency code of the sheet «Cơ quan». */
        AGENCY,
        /** Agency codes separated by commas; «(không có)» is an explicit empty list. */
        AGENCIES,
        /** Values separated by commas (references, accepted warnings). */
        LIST,
        /** One value per line (aliases). */
        LINES,
        /** A calendar date, dd/mm/yyyy. */
        DATE,
        INTEGER,
        NUMBER,
        /** One choice of a {@link Vocabulary}. */
        CHOICE,
        /** Choices separated by commas. */
        CHOICES,
        /** «x» for true, empty for absent. */
        FLAG
    }

    static Column of(String header, String field, Type type, String help) {
        return new Column(header, field, type, null, help);
    }

    static Column choice(String header, String field, Vocabulary vocabulary, String help) {
        return new Column(header, field, Type.CHOICE, vocabulary, help);
    }
}
