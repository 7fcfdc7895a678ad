package vn.parsipas.survey.receipt;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import vn.parsipas.contracts.JsonLimits;
import vn.parsipas.platform.imports.ImportSummary.Item;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.problem.Problem.FieldError;
import vn.parsipas.survey.Db;
import vn.parsipas.survey.SurveyConfig;
import vn.parsipas.survey.directory.AgencyDirectory;
import vn.parsipas.survey.directory.AgencyDirectory.Agency;
import vn.parsipas.survey.receipt.ReceiptCodeResource.Registration;

/**
 * The receipt codes of returned dossiers, registered by the one-stop-shop system with the hash of
 * their PIN. A code accepts one response until it expires; the row lock taken here makes "one"
 * hold under concurrency. A code registered again alike is unchanged; with another PIN, a conflict.
 */
@ApplicationScoped
public class ReceiptCodes {
    private static final String COLUMNS = "code, agency_code, procedure_code, channel, expires_at, response_id, used_at, pin_hash";

    @Inject
    AgencyDirectory directory;

    @Inject
    SurveyConfig config;

    @Inject
    Clock clock;

    static final String REGISTERED = "registered";
    static final String UNCHANGED = "unchanged";
    static final String REJECTED = "rejected";
    static final String CONFLICT = "conflict";
    /** Every outcome of a code, in the order the answer counts them. */
    static final List<String> OUTCOMES = List.of(REGISTERED, UNCHANGED, REJECTED, CONFLICT);

    /** Registers a batch in the caller's transaction, with an item per code. */
    public Uni<List<Item>> register(List<Registration> registrations) {
        if (registrations.size() > config.maxReceiptBatch()) {
            throw new InvalidInputException("receiptCodes", "at most " + config.maxReceiptBatch() + " codes per request");
        }
        List<String> codes = registrations.stream().map(Registration::receiptCode).toList();
        return directory.find(registrations.stream().map(Registration::agencyCode).toList())
                .chain(agencies -> find(codes, false).chain(existing -> {
                    Instant now = clock.instant();
                    List<Item> results = new ArrayList<>();
                    Map<String, Registration> fresh = new HashMap<>();
                    for (int i = 0; i < registrations.size(); i++) {
                        results.add(decide(i, registrations.get(i), agencies.get(registrations.get(i).agencyCode()),
                                existing, fresh));
                    }
                    return insert(fresh.values(), now).replaceWith(results);
                }));
    }

    private static Item decide(int index, Registration registration, Agency agency, Map<String, Receipt> existing,
            Map<String, Registration> fresh) {
        String code = registration.receiptCode();
        if (agency == null) {
            return refused(index, code, REJECTED, "agencyCode", "unknown agency " + registration.agencyCode() + ": it is not in the agency directory");
        }
        if (!agency.handlesDossiers() || !agency.active()) {
            return refused(index, code, REJECTED, "agencyCode", registration.agencyCode() + " cannot handle dossiers (a group of agencies, or dissolved)");
        }
        Receipt known = existing.get(code);
        String knownAgency = known != null ? known.agencyCode() : fresh.containsKey(code) ? fresh.get(code).agencyCode() : null;
        if (knownAgency == null) {
            fresh.put(code, registration);
            return Item.of(index, REGISTERED, "receiptCode", code);
        }
        if (!knownAgency.equals(registration.agencyCode())) {
            return refused(index, code, CONFLICT, "agencyCode", "receipt code " + code + " is registered for " + knownAgency);
        }
        String knownPin = known != null ? known.pinHash() : pinHash(fresh.get(code));
        if (!Objects.equals(knownPin, pinHash(registration))) {
            return refused(index, code, CONFLICT, "pin", "receipt code " + code + " is registered with another PIN");
        }
        return Item.of(index, UNCHANGED, "receiptCode", code);
    }

    private static Item refused(int index, String code, String outcome, String field, String reason) {
        return Item.refused(index, outcome, List.of(new FieldError(field, reason)), "receiptCode", code);
    }

    private static String pinHash(Registration registration) {
        return registration.pin() == null ? null : Receipt.pinHash(registration.receiptCode(), registration.pin());
    }

    private Uni<Void> insert(Collection<Registration> registrations, Instant now) {
        if (registrations.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Object> parameters = new ArrayList<>();
        for (Registration registration : registrations.stream()
                .sorted(Comparator.comparing(Registration::receiptCode)).toList()) {
            parameters.addAll(Arrays.asList(registration.receiptCode(), registration.agencyCode(),
                    registration.procedureCode(), registration.channel(), pinHash(registration)));
        }
        int at = parameters.size();
        parameters.add(now);
        parameters.add(now.plus(config.receiptCodeTtl()));
        return Db.execute("insert into receipt_code (code, agency_code, procedure_code, channel, pin_hash, registered_at, expires_at)"
                        + " select v.*, cast(?" + (at + 1) + " as timestamptz), cast(?" + (at + 2) + " as timestamptz) from (values "
                        + Db.valuesList(registrations.size(), "text", "text", "text", "text", "text") + ") v on conflict do nothing",
                parameters.toArray()).replaceWithVoid();
    }

    /** The registered codes among these, locked for update when a response is about to use them. */
    public Uni<Map<String, Receipt>> find(Collection<String> codes, boolean lock) {
        // registration refuses control characters, so such a code is not there (and PostgreSQL would refuse a NUL)
        List<String> distinct = codes.stream().filter(code -> JsonLimits.lineProblem(code) == null).distinct().sorted().toList();
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Db.rows("select " + COLUMNS + " from receipt_code where code in (" + Db.placeholders(distinct.size())
                        + ") order by code" + (lock ? " for update" : ""), distinct.toArray())
                .map(rows -> rows.stream().map(ReceiptCodes::receipt)
                        .collect(Collectors.toMap(Receipt::code, Function.identity())));
    }

    /** Ties each code to the response that used it, in the caller's transaction. */
    public Uni<Void> markUsed(Map<String, String> responseByCode, Instant now) {
        if (responseByCode.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Object> parameters = new ArrayList<>();
        responseByCode.forEach((code, responseId) -> {
            parameters.add(code);
            parameters.add(responseId);
        });
        parameters.add(now);
        return Db.execute("update receipt_code r set response_id = v.response_id, used_at = cast(?" + parameters.size()
                        + " as timestamptz) from (values " + Db.valuesList(responseByCode.size(), "text", "text")
                        + ") v(code, response_id) where r.code = v.code and r.response_id is null",
                parameters.toArray()).replaceWithVoid();
    }

    private static Receipt receipt(Object[] row) {
        return new Receipt((String) row[0], (String) row[1], (String) row[2], (String) row[3], Db.instant(row[4]),
                (String) row[5], Db.instant(row[6]), (String) row[7]);
    }
}
