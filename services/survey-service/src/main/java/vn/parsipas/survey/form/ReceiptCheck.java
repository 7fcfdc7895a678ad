package vn.parsipas.survey.form;

import java.time.Instant;
import java.util.regex.Pattern;

import vn.parsipas.survey.receipt.Receipt;

/**
 * Whether the receipt code and PIN a citizen typed (or scanned) open the questionnaire. Every code
 * that cannot gets one and the same answer: an anonymous caller learns nothing about whether a
 * code exists, has a PIN, has been used or has expired.
 */
record ReceiptCheck(Receipt receipt) {
    static final String REFUSED = "Không mở được phiếu đánh giá với mã hồ sơ và mã PIN này. Vui lòng kiểm tra lại hai mã in trên"
            + " Giấy tiếp nhận hồ sơ và hẹn trả kết quả. Mỗi hồ sơ chỉ được đánh giá một lần, trong thời hạn đánh giá.";
    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9./-]{4,64}$");
    private static final Pattern PIN = Pattern.compile("^[0-9]{6,10}$");

    /** The code to show again in the field: only one that could be a code (a page never echoes megabytes). */
    static String echo(String code) {
        return CODE.matcher(code).matches() ? code : "";
    }

    /** Worth a database look-up at all. */
    static boolean wellFormed(String code, String pin) {
        return CODE.matcher(code).matches() && PIN.matcher(pin).matches();
    }

    /**
     * Usable: the PIN matches, and the code has no response yet and has not expired. A code already
     * answered by {@code responseId} (the same form submitted twice) stays usable, to thank again.
     */
    static ReceiptCheck of(String code, String pin, Receipt receipt, String responseId, Instant now) {
        boolean usable = wellFormed(code, pin) && receipt != null && receipt.hasPin(pin)
                && (receipt.isUsed() ? receipt.responseId().equals(responseId) : !receipt.isExpiredAt(now));
        return new ReceiptCheck(usable ? receipt : null);
    }

    boolean usable() {
        return receipt != null;
    }
}
