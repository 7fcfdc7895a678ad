package vn.parsipas.contracts;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tells, without the schema validator, that a SurveyResponseSubmitted document certainly conforms
 * to survey-response-submitted.v1.schema.json: the highest-volume document of the suite (kiosks, a
 * month replayed), where the generic validator cost more than anything else done per response.
 * Each check is the schema's or stricter (a time only in the usual RFC 3339 shape, a length in
 * UTF-16 units); a document it does not vouch for goes through the validator, whose violations
 * name what is wrong, so answers and dead-letter reasons are the same. EventSchemasTest holds it to
 * the validator on valid and broken documents.
 */
final class ConformingResponses {
    private static final Set<String> FIELDS = Set.of("responseId", "questionnaireId", "questionnaireVersion", "receiptCode", "receiptPin",
            "agencyCode", "procedureCode", "channel", "submittedAt", "answers", "expectations", "respondent");
    private static final Set<String> ANSWER_FIELDS = Set.of("questionId", "score");
    private static final Set<String> RESPONDENT_FIELDS = Set.of("ageBand", "gender", "ethnicGroup");
    private static final Set<String> CHANNELS = Set.of("counter", "online", "postal");
    private static final Set<String> AGE_BANDS = Set.of("under-25", "25-34", "35-44", "45-54", "55-64", "65-plus");
    private static final Set<String> GENDERS = Set.of("female", "male", "other");

    private ConformingResponses() {
    }

    /** True only when the document conforms; false when it may not (the validator then tells). */
    static boolean conforms(JsonNode document) {
        if (document == null || !document.isObject() || !onlyFields(document, FIELDS)) {
            return false;
        }
        JsonNode receiptCode = document.get("receiptCode");
        JsonNode receiptPin = document.get("receiptPin");
        JsonNode procedureCode = document.get("procedureCode");
        JsonNode expectations = document.get("expectations");
        JsonNode respondent = document.get("respondent");
        return id(document.get("responseId")) && id(document.get("questionnaireId"))
                && integer(document.get("questionnaireVersion"), 1, 1000)
                && (absentOrNull(receiptCode) || text(receiptCode, 4, 64, ConformingResponses::receiptCodeChar))
                && (absentOrNull(receiptPin) || text(receiptPin, 6, 10, c -> c >= '0' && c <= '9'))
                && agencyCode(document.get("agencyCode"))
                && (absentOrNull(procedureCode) || freeText(procedureCode))
                && oneOf(document.get("channel"), CHANNELS)
                && instant(document.get("submittedAt"))
                && answers(document.get("answers"))
                && (expectations == null || expectations(expectations))
                && (absentOrNull(respondent) || respondent(respondent));
    }

    private interface CharRule {
        boolean allows(char c);
    }

    private static boolean onlyFields(JsonNode object, Set<String> allowed) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            if (!allowed.contains(names.next())) {
                return false;
            }
        }
        return true;
    }

    private static boolean absentOrNull(JsonNode node) {
        return node == null || node.isNull();
    }

    private static boolean text(JsonNode node, int min, int max, CharRule rule) {
        if (node == null || !node.isTextual()) {
            return false;
        }
        String text = node.textValue();
        if (text.length() < min || text.length() > max) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!rule.allows(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean asciiAlphanumeric(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean receiptCodeChar(char c) {
        return asciiAlphanumeric(c) || c == '.' || c == '/' || c == '-';
    }

    private static boolean codeChar(char c) {
        return asciiAlphanumeric(c) || c == '.' || c == '_' || c == '-';
    }

    /** common.v1 id: ^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$. */
    private static boolean id(JsonNode node) {
        return text(node, 1, 128, c -> codeChar(c) || c == ':') && asciiAlphanumeric(node.textValue().charAt(0));
    }

    /** common.v1 agencyCode: ^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$, at most 64. */
    private static boolean agencyCode(JsonNode node) {
        if (!text(node, 1, 64, c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
            return false;
        }
        String code = node.textValue();
        char first = code.charAt(0);
        return first >= 'A' && first <= 'Z' && !code.endsWith("-") && !code.contains("--");
    }

    /** At most 64, no control character (^[^\u0000-\u001F\u007F-\u009F]*$). */
    private static boolean freeText(JsonNode node) {
        return text(node, 0, 64, c -> !(c <= 0x1F || (c >= 0x7F && c <= 0x9F)));
    }

    private static boolean integer(JsonNode node, int min, int max) {
        return node != null && node.isInt() && node.intValue() >= min && node.intValue() <= max;
    }

    private static boolean oneOf(JsonNode node, Set<String> values) {
        return node != null && node.isTextual() && values.contains(node.textValue());
    }

    /**
     * The usual shape of an RFC 3339 date-time, yyyy-MM-ddTHH:mm:ss[.fraction](Z|+HH:mm|-HH:mm), year 1000 or later,
     * and a real date and time.
     */
    private static boolean instant(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return false;
        }
        String time = node.textValue();
        int length = time.length();
        if (length < 20 || length > 35 || !digits(time, 0, 4) || time.charAt(0) == '0' || time.charAt(4) != '-' || !digits(time, 5, 7)
                || time.charAt(7) != '-' || !digits(time, 8, 10) || time.charAt(10) != 'T' || !digits(time, 11, 13) || time.charAt(13) != ':'
                || !digits(time, 14, 16) || time.charAt(16) != ':' || !digits(time, 17, 19)) {
            return false;
        }
        int offset = 19;
        if (time.charAt(offset) == '.') {
            int fraction = offset + 1;
            while (fraction < length && time.charAt(fraction) >= '0' && time.charAt(fraction) <= '9') {
                fraction++;
            }
            if (fraction == offset + 1 || fraction - offset - 1 > 9) {
                return false;
            }
            offset = fraction;
        }
        boolean zulu = offset == length - 1 && time.charAt(offset) == 'Z';
        boolean numeric = offset == length - 6 && (time.charAt(offset) == '+' || time.charAt(offset) == '-') && digits(time, offset + 1, offset + 3)
                && time.charAt(offset + 3) == ':' && digits(time, offset + 4, offset + 6);
        // -00:00 is RFC 3339's "offset unknown", which the validator refuses
        if (!zulu && (!numeric || time.endsWith("-00:00"))) {
            return false;
        }
        try {
            OffsetDateTime.parse(time);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean answers(JsonNode answers) {
        if (answers == null || !answers.isArray() || answers.isEmpty() || answers.size() > 200) {
            return false;
        }
        for (JsonNode answer : answers) {
            if (!answer.isObject() || !onlyFields(answer, ANSWER_FIELDS) || !text(answer.get("questionId"), 1, 64, ConformingResponses::codeChar)
                    || !integer(answer.get("score"), 1, 5)) {
                return false;
            }
        }
        return true;
    }

    private static boolean expectations(JsonNode expectations) {
        if (!expectations.isArray() || expectations.size() > 20) {
            return false;
        }
        for (JsonNode expectation : expectations) {
            if (!text(expectation, 1, 64, ConformingResponses::codeChar)) {
                return false;
            }
        }
        return true;
    }

    private static boolean respondent(JsonNode respondent) {
        if (!respondent.isObject() || !onlyFields(respondent, RESPONDENT_FIELDS)) {
            return false;
        }
        JsonNode ageBand = respondent.get("ageBand");
        JsonNode gender = respondent.get("gender");
        JsonNode ethnicGroup = respondent.get("ethnicGroup");
        return (absentOrNull(ageBand) || oneOf(ageBand, AGE_BANDS)) && (absentOrNull(gender) || oneOf(gender, GENDERS))
                && (absentOrNull(ethnicGroup) || freeText(ethnicGroup));
    }
}
