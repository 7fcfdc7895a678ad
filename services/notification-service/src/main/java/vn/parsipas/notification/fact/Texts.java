package vn.parsipas.notification.fact;

/**
 * The notification service's own phrasing: scopes and criteria. Figures, units, comparators and dates
 * read the same as in every service: {@link vn.parsipas.contracts.text.VietnameseFigures}.
 */
public final class Texts {
    private Texts() {
    }

    public static String scope(String scope) {
        return "PROVINCE".equals(scope) ? "toàn tỉnh" : scope;
    }

    public static String criterion(String prefix, String criterionCode) {
        return criterionCode == null ? prefix : prefix + ": tiêu chí " + criterionCode;
    }
}
