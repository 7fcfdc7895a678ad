package vn.parsipas.survey.receipt;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.JsonLimits;
import vn.parsipas.platform.imports.ImportSummary.Item;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.problem.Problem.FieldError;
import vn.parsipas.platform.time.BusinessTime;
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

    @Inject
    Pool pool;

    static final String REGISTERED = "registered";
    static final String UNCHANGED = "unchanged";
    static final String REJECTED = "rejected";
    static final String CONFLICT = "conflict";
    /** Every outcome of a code, in the order the answer counts them. */
    static final List<String> OUTCOMES = List.of(REGISTERED, UNCHANGED, REJECTED, CONFLICT);

    /** Registers a batch in the caller's transaction, with an item per code. */
    public Uni<List<Item>> register(SqlConnection connection, List<Registration> registrations) {
        if (registrations.size() > config.maxReceiptBatch()) {
            throw new InvalidInputException("receiptCodes", "at most " + config.maxReceiptBatch() + " codes per request");
        }
        List<String> codes = registrations.stream().map(Registration::receiptCode).toList();
        return directory.find(connection, registrations.stream().map(Registration::agencyCode).toList())
                .chain(agencies -> find(connection, codes, false).chain(existing -> {
                    Instant now = clock.instant();
                    List<Item> results = new ArrayList<>();
                    Map<String, Registration> fresh = new HashMap<>();
                    for (int i = 0; i < registrations.size(); i++) {
                        results.add(decide(i, registrations.get(i), agencies.get(registrations.get(i).agencyCode()),
                                existing, fresh));
                    }
                    return insert(connection, fresh.values(), now).replaceWith(results);
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

    private Uni<Void> insert(SqlConnection connection, Collection<Registration> registrations, Instant now) {
        if (registrations.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Registration> sorted = registrations.stream().sorted(Comparator.comparing(Registration::receiptCode)).toList();
        return connection.preparedQuery("insert into receipt_code (code, agency_code, procedure_code, channel, pin_hash, registered_at,"
                        + " expires_at) select v.code, v.agency_code, v.procedure_code, v.channel, v.pin_hash, $6::timestamptz, $7::timestamptz from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])"
                        + " with ordinality as v(code, agency_code, procedure_code, channel, pin_hash, position) order by position"
                        + " on conflict do nothing")
                .execute(Tuple.of(column(sorted, Registration::receiptCode), column(sorted, Registration::agencyCode),
                        column(sorted, Registration::procedureCode), column(sorted, Registration::channel),
                        column(sorted, ReceiptCodes::pinHash), BusinessTime.utc(now)).addValue(BusinessTime.utc(now.plus(config.receiptCodeTtl()))))
                .replaceWithVoid();
    }

    private static String[] column(List<Registration> registrations, Function<Registration, String> value) {
        return registrations.stream().map(value).toArray(String[]::new);
    }

    /** The registered codes among these, unlocked (a page that only shows one). */
    public Uni<Map<String, Receipt>> find(Collection<String> codes) {
        return find(pool, codes, false);
    }

    /** The registered codes among these, locked for update when a response is about to use them. */
    public Uni<Map<String, Receipt>> find(SqlClient client, Collection<String> codes, boolean lock) {
        // registration refuses control characters, so such a code is not there (and PostgreSQL would refuse a NUL)
        String[] distinct = codes.stream().filter(code -> JsonLimits.lineProblem(code) == null).distinct().sorted().toArray(String[]::new);
        if (distinct.length == 0) {
            return Uni.createFrom().item(Map.of());
        }
        return client.preparedQuery("select " + COLUMNS + " from receipt_code where code = any($1::text[]) order by code"
                        + (lock ? " for update" : "")).execute(Tuple.of(distinct))
                .map(rows -> {
                    Map<String, Receipt> found = new HashMap<>();
                    rows.forEach(row -> found.put(row.getString("code"), receipt(row)));
                    return found;
                });
    }

    /** Ties each code to the response that used it, in the caller's transaction. */
    public Uni<Void> markUsed(SqlConnection connection, Map<String, String> responseByCode, Instant now) {
        if (responseByCode.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Map.Entry<String, String>> entries = List.copyOf(responseByCode.entrySet());
        return connection.preparedQuery("update receipt_code r set response_id = v.response_id, used_at = $3"
                        + " from unnest($1::text[], $2::text[]) as v(code, response_id) where r.code = v.code and r.response_id is null")
                .execute(Tuple.of(entries.stream().map(Map.Entry::getKey).toArray(String[]::new),
                        entries.stream().map(Map.Entry::getValue).toArray(String[]::new), BusinessTime.utc(now)))
                .replaceWithVoid();
    }

    private static Receipt receipt(Row row) {
        return new Receipt(row.getString("code"), row.getString("agency_code"), row.getString("procedure_code"), row.getString("channel"),
                BusinessTime.instant(row.getOffsetDateTime("expires_at")), row.getString("response_id"),
                BusinessTime.instant(row.getOffsetDateTime("used_at")), row.getString("pin_hash"));
    }
}
