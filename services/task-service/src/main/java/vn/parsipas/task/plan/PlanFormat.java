package vn.parsipas.task.plan;

import java.util.Locale;

/** How a plan file is written: YAML (the format of deploy/plans), JSON, or the XLSX template. */
public enum PlanFormat {
    YAML, JSON, XLSX;

    public static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** From a request's Content-Type: JSON and XLSX by their media types, YAML otherwise. */
    public static PlanFormat ofMediaType(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.startsWith(XLSX_MEDIA_TYPE) ? XLSX : type.startsWith("application/json") ? JSON : YAML;
    }

    /** From a file name's extension: .json, .xlsx, YAML otherwise. */
    public static PlanFormat ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xlsx") ? XLSX : lower.endsWith(".json") ? JSON : YAML;
    }
}
