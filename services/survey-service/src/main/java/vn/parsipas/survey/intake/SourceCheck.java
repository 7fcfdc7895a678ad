package vn.parsipas.survey.intake;

import vn.parsipas.contracts.sipas.SurveyResponseSubmitted;
import vn.parsipas.platform.problem.Problem.FieldError;

/**
 * One batch's source, response by response: a response that proves its receipt goes on; one with a
 * wrong PIN is refused and counted (past {@code wrongPinLimit} a day, no response with a PIN is
 * accepted from the source: guessing stops there); one without a PIN needs a source bound to its
 * agency and within its daily quota, and is counted.
 */
final class SourceCheck {
    private final Admission admission;
    private final int wrongPinLimit;
    private SourceQuota.Today today;
    private int newWithoutPin;
    private int newWrongPins;

    SourceCheck(Admission admission, SourceQuota.Today today, int wrongPinLimit) {
        this.admission = admission;
        this.today = today;
        this.wrongPinLimit = wrongPinLimit;
    }

    /** Null when the response may go on to the receipt-code checks; otherwise why not. */
    FieldError refusal(SurveyResponseSubmitted response, boolean proven) {
        if (response.receiptPin() != null && today.wrongPins() >= wrongPinLimit) {
            return new FieldError("receiptPin", "source " + admission.source() + " sent " + wrongPinLimit
                    + " wrong receipt PINs today: no response with a PIN is accepted from it until tomorrow");
        }
        if (proven) {
            return null;
        }
        if (response.receiptPin() != null) {
            count(0, 1);
            return new FieldError("receiptPin", "receipt code " + response.receiptCode() + " is not registered with this PIN");
        }
        if (!admission.binds(response.agencyCode())) {
            return new FieldError("agencyCode", "source " + admission.source() + " is not bound to agency " + response.agencyCode()
                    + ": without the receipt code and its PIN, a source answers only for the agencies it is bound to");
        }
        if (today.withoutPin() >= admission.dailyQuota()) {
            return new FieldError("receiptPin", "source " + admission.source() + " has used its daily quota of " + admission.dailyQuota()
                    + " responses without a receipt PIN; send the receipt code with its PIN, or wait until tomorrow");
        }
        count(1, 0);
        return null;
    }

    private void count(int withoutPin, int wrongPins) {
        today = new SourceQuota.Today(today.source(), today.day(), today.withoutPin() + withoutPin, today.wrongPins() + wrongPins);
        newWithoutPin += withoutPin;
        newWrongPins += wrongPins;
    }

    /** The counts after this batch. */
    SourceQuota.Today today() {
        return today;
    }

    /** Responses of this batch admitted without a PIN. */
    int newWithoutPin() {
        return newWithoutPin;
    }

    /** Responses of this batch refused for a wrong PIN. */
    int newWrongPins() {
        return newWrongPins;
    }
}
