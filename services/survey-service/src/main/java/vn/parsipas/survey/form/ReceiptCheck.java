package vn.parsipas.survey.form;

import java.time.Instant;
import java.util.regex.Pattern;

import vn.parsipas.survey.receipt.Receipt;

/** Whether a receipt code typed by a citizen opens the questionnaire, and if not, what to tell them (and which HTTP status). */
record ReceiptCheck(Receipt receipt, int status, String message) {
    static final String USED = "Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần; cảm ơn Ông/Bà.";
    private static final Pattern FORMAT = Pattern.compile("^[A-Za-z0-9./-]{4,64}$");

    static ReceiptCheck of(String code, Receipt receipt, Instant now) {
        if (!FORMAT.matcher(code).matches()) {
            return new ReceiptCheck(null, 400, "Mã hồ sơ gồm 4 đến 64 ký tự: chữ, số và các dấu . / -. Vui lòng kiểm tra lại.");
        }
        if (receipt == null) {
            return new ReceiptCheck(null, 404, "Không tìm thấy hồ sơ có mã " + code
                    + ". Vui lòng kiểm tra lại mã trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.");
        }
        if (receipt.isUsed()) {
            return new ReceiptCheck(receipt, 409, USED);
        }
        if (receipt.isExpiredAt(now)) {
            return new ReceiptCheck(receipt, 410, "Đã hết thời hạn đánh giá hồ sơ có mã " + code + ".");
        }
        return new ReceiptCheck(receipt, 200, null);
    }

    boolean usable() {
        return status == 200;
    }
}
