package vn.parsipas.survey.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import vn.parsipas.contracts.sipas.SurveyResponseSubmitted;
import vn.parsipas.platform.problem.Problem.FieldError;
import vn.parsipas.platform.time.BusinessTime;
import vn.parsipas.survey.SurveyConfig;
import vn.parsipas.survey.directory.AgencyDirectory;
import vn.parsipas.survey.directory.AgencyDirectory.Agency;
import vn.parsipas.survey.index.SubIndexDeltas;
import vn.parsipas.survey.intake.Outcome.Status;
import vn.parsipas.survey.questionnaire.QuestionnaireCatalog;
import vn.parsipas.survey.questionnaire.QuestionnaireVersion;
import vn.parsipas.survey.receipt.Receipt;
import vn.parsipas.survey.receipt.ReceiptCodes;

/**
 * The one intake behind the three doors (REST, Kafka, citizen form): checks each response (the
 * contract's rules, what its source may send, its receipt code), stores the accepted ones, uses their
 * receipt codes and adds them to the sub-index aggregates, all in the caller's transaction. A batch
 * is checked with a handful of queries, not one per response.
 */
@ApplicationScoped
public class ResponseIntake {
    /** The door a response came through, stored with it. */
    public enum Door { REST, KAFKA, FORM }

    @Inject
    QuestionnaireCatalog catalog;

    @Inject
    AgencyDirectory directory;

    @Inject
    ReceiptCodes receiptCodes;

    @Inject
    ResponseStore store;

    @Inject
    SourceQuota quota;

    @Inject
    SurveyConfig config;

    @Inject
    Clock clock;

    @Inject
    Pool pool;

    /** As {@link #submit(SqlConnection, List, Door, Admission)}, in a transaction of its own. */
    public Uni<List<Outcome>> submit(List<Submission> submissions, Door door, Admission admission) {
        return pool.withTransaction(connection -> submit(connection, submissions, door, admission));
    }

    /**
     * One outcome per submission, in order, in the caller's transaction; {@code admission} says who
     * delivered them (stored with each response) and what they may send.
     */
    public Uni<List<Outcome>> submit(SqlConnection connection, List<Submission> submissions, Door door, Admission admission) {
        List<SurveyResponseSubmitted> wellFormed = submissions.stream().filter(s -> !s.isMalformed())
                .map(Submission::response).toList();
        return questionnaires(wellFormed).chain(questionnaires -> directory
                .find(connection, wellFormed.stream().map(SurveyResponseSubmitted::agencyCode).toList())
                .chain(agencies -> store.existing(connection, wellFormed.stream().map(SurveyResponseSubmitted::responseId).toList())
                        .chain(existing -> receiptCodes.find(connection, wellFormed.stream().map(SurveyResponseSubmitted::receiptCode)
                                        .filter(code -> code != null).toList(), true)
                                .chain(receipts -> sourceToday(connection, wellFormed, receipts, door, admission.source())
                                        .chain(today -> decide(connection, submissions, door, admission.source(), new Context(questionnaires,
                                                agencies, existing, receipts,
                                                new SourceCheck(admission, today, config.sources().dailyWrongPins()))))))));
    }

    private record Context(Map<String, QuestionnaireVersion> questionnaires, Map<String, Agency> agencies, Set<String> existing,
            Map<String, Receipt> receipts, SourceCheck source) {
    }

    /** The source's counts of today, locked when the batch may add to them; the form's answers all prove their receipt. */
    private Uni<SourceQuota.Today> sourceToday(SqlConnection connection, List<SurveyResponseSubmitted> responses,
            Map<String, Receipt> receipts, Door door, String source) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE);
        if (door == Door.FORM) {
            return Uni.createFrom().item(SourceQuota.Today.none(source, day));
        }
        return quota.read(connection, source, day, responses.stream().anyMatch(response -> !proven(response, receipts)));
    }

    private static boolean proven(SurveyResponseSubmitted response, Map<String, Receipt> receipts) {
        Receipt receipt = response.receiptCode() == null ? null : receipts.get(response.receiptCode());
        return receipt != null && receipt.hasPin(response.receiptPin());
    }

    private Uni<List<Outcome>> decide(SqlConnection connection, List<Submission> submissions, Door door, String source,
            Context context) {
        Instant now = clock.instant();
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, SurveyResponseSubmitted> accepted = new LinkedHashMap<>();
        Map<String, String> usedCodes = new HashMap<>();
        Set<String> seen = new HashSet<>(context.existing());
        for (int i = 0; i < submissions.size(); i++) {
            Submission submission = submissions.get(i);
            if (submission.isMalformed()) {
                outcomes.add(Outcome.refused(i, submission.responseId(), Status.REJECTED, submission.malformed()));
                continue;
            }
            SurveyResponseSubmitted response = submission.response();
            if (!seen.add(response.responseId())) {
                outcomes.add(Outcome.of(i, response.responseId(), Status.DUPLICATE));
                continue;
            }
            List<FieldError> errors = ResponseRules.problems(response, context.questionnaires().get(key(response)),
                    context.agencies().get(response.agencyCode()), now, config.maxClockSkew());
            Outcome refused = errors.isEmpty() ? admit(i, response, context, usedCodes, now)
                    : Outcome.refused(i, response.responseId(), Status.REJECTED, errors);
            if (refused != null) {
                seen.remove(response.responseId());
                outcomes.add(refused);
                continue;
            }
            SurveyResponseSubmitted completed = withReceiptProcedure(response, context.receipts());
            accepted.put(completed.responseId(), completed);
            if (completed.receiptCode() != null) {
                usedCodes.put(completed.receiptCode(), completed.responseId());
            }
            outcomes.add(Outcome.of(i, response.responseId(), Status.ACCEPTED));
        }
        return count(connection, context.source()).chain(() -> store(connection, accepted, usedCodes, door, source, now, context)).map(inserted -> outcomes.stream()
                .map(outcome -> outcome.status() == Status.ACCEPTED && !inserted.contains(outcome.responseId())
                        ? Outcome.of(outcome.index(), outcome.responseId(), Status.DUPLICATE) : outcome)
                .toList());
    }

    private Uni<Void> count(SqlConnection connection, SourceCheck check) {
        SourceQuota.Today today = check.today();
        Uni<Void> wrongPins = check.newWrongPins() == 0 ? Uni.createFrom().voidItem()
                : quota.addWrongPins(today.source(), today.day(), check.newWrongPins());
        return wrongPins.chain(() -> check.newWithoutPin() == 0 ? Uni.createFrom().voidItem() : quota.saveWithoutPin(connection, today));
    }

    /** Null when the source may send this response and its receipt code (if any) lets it in; else why not. */
    private static Outcome admit(int index, SurveyResponseSubmitted response, Context context, Map<String, String> usedInThisBatch,
            Instant now) {
        FieldError refusal = context.source().refusal(response, proven(response, context.receipts()));
        if (refusal != null) {
            return Outcome.refused(index, response.responseId(), Status.REJECTED, List.of(refusal));
        }
        return checkReceipt(index, response, context.receipts(), usedInThisBatch, now);
    }

    /** Null when the receipt code (if any) lets the response in; else why not. */
    private static Outcome checkReceipt(int index, SurveyResponseSubmitted response, Map<String, Receipt> receipts,
            Map<String, String> usedInThisBatch, Instant now) {
        String code = response.receiptCode();
        if (code == null) {
            return null;
        }
        Receipt receipt = receipts.get(code);
        if (receipt == null) {
            return rejected(index, response, "receipt code " + code + " is not registered");
        }
        if (receipt.isUsed() || usedInThisBatch.containsKey(code)) {
            return Outcome.refused(index, response.responseId(), Status.CONFLICT, List.of(new FieldError("receiptCode",
                    "receipt code " + code + " already has a response; one response per dossier")));
        }
        if (receipt.isExpiredAt(now)) {
            return rejected(index, response, "receipt code " + code + " expired at " + receipt.expiresAt());
        }
        if (!receipt.agencyCode().equals(response.agencyCode())) {
            return rejected(index, response, "receipt code " + code + " is a dossier of " + receipt.agencyCode() + ", not of "
                    + response.agencyCode());
        }
        return null;
    }

    private static Outcome rejected(int index, SurveyResponseSubmitted response, String message) {
        return Outcome.refused(index, response.responseId(), Status.REJECTED, List.of(new FieldError("receiptCode", message)));
    }

    /** The registered procedure fills in a response that does not name one. */
    private static SurveyResponseSubmitted withReceiptProcedure(SurveyResponseSubmitted r, Map<String, Receipt> receipts) {
        Receipt receipt = r.receiptCode() == null ? null : receipts.get(r.receiptCode());
        if (receipt == null || r.procedureCode() != null || receipt.procedureCode() == null) {
            return r;
        }
        return new SurveyResponseSubmitted(r.responseId(), r.questionnaireId(), r.questionnaireVersion(), r.receiptCode(), r.receiptPin(),
                r.agencyCode(), receipt.procedureCode(), r.channel(), r.submittedAt(), r.answers(), r.expectations(), r.respondent());
    }

    private Uni<Set<String>> store(SqlConnection connection, Map<String, SurveyResponseSubmitted> accepted, Map<String, String> usedCodes,
            Door door, String source, Instant now, Context context) {
        if (accepted.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return store.insert(connection, accepted.values(), door, source, now).chain(inserted -> {
            SubIndexDeltas deltas = new SubIndexDeltas();
            // all of them, unless a concurrent transaction stored some first
            boolean all = inserted.size() == accepted.size();
            for (SurveyResponseSubmitted response : accepted.values()) {
                if (all || inserted.contains(response.responseId())) {
                    deltas.add(context.questionnaires().get(key(response)), response);
                }
            }
            Map<String, String> codes = all ? usedCodes : usedCodes.entrySet().stream().filter(entry -> inserted.contains(entry.getValue()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            return receiptCodes.markUsed(connection, codes, now).chain(() -> deltas.apply(connection, now)).replaceWith(inserted);
        });
    }

    private Uni<Map<String, QuestionnaireVersion>> questionnaires(List<SurveyResponseSubmitted> responses) {
        Map<String, QuestionnaireVersion> found = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (SurveyResponseSubmitted response : responses.stream()
                .collect(Collectors.toMap(ResponseIntake::key, r -> r, (first, second) -> first)).values()) {
            chain = chain.chain(() -> catalog.find(response.questionnaireId(), response.questionnaireVersion())
                    .invoke((Optional<QuestionnaireVersion> version) -> found.put(key(response), version.orElse(null)))
                    .replaceWithVoid());
        }
        return chain.replaceWith(found);
    }

    private static String key(SurveyResponseSubmitted response) {
        return response.questionnaireId() + "|" + response.questionnaireVersion();
    }
}
