package vn.parsipas.survey.form;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import vn.parsipas.survey.SurveyConfig;
import vn.parsipas.survey.directory.AgencyDirectory;
import vn.parsipas.survey.form.FormView.CodePage;
import vn.parsipas.survey.form.FormView.FormPage;
import vn.parsipas.survey.form.FormView.ThanksPage;
import vn.parsipas.survey.intake.Admission;
import vn.parsipas.survey.intake.Outcome;
import vn.parsipas.survey.intake.ResponseIntake;
import vn.parsipas.survey.intake.Submission;
import vn.parsipas.survey.questionnaire.QuestionnaireCatalog;
import vn.parsipas.survey.questionnaire.QuestionnaireVersion;
import vn.parsipas.survey.receipt.Receipt;
import vn.parsipas.survey.receipt.ReceiptCodes;

/**
 * The public citizen form at /khao-sat: the citizen enters the receipt code of the returned dossier
 * and the PIN printed beside it (or scans the receipt's QR code, which fills both in), then answers
 * the questionnaire. Plain server-rendered HTML that works without JavaScript; the answers go
 * through the same intake as the REST and Kafka doors. Anonymous by design: the registered, unexpired,
 * unused code with its PIN is what admits a response. Every POST is rate limited per client and per
 * code prefix; the code and PIN travel only in POST bodies.
 */
@Path("/khao-sat")
@PermitAll
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class CitizenFormResource {
    /** The source stored with the responses of this form (it has no client: citizens are anonymous). */
    static final String SOURCE = "/khao-sat";
    static final String TITLE = "Đánh giá sự hài lòng về giải quyết thủ tục hành chính";
    /** Only this page's own stylesheet, script and form target; never inside a frame. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance code(CodePage page);

        static native TemplateInstance questionnaire(FormPage page);

        static native TemplateInstance thanks(ThanksPage page);
    }

    @Inject
    ReceiptCodes receiptCodes;

    @Inject
    AgencyDirectory directory;

    @Inject
    QuestionnaireCatalog catalog;

    @Inject
    ResponseIntake intake;

    @Inject
    FormRateLimiter limiter;

    @Inject
    SurveyConfig config;

    @Inject
    Clock clock;

    /** Asks for the receipt code and PIN. A code in the query string is not looked up: codes travel by POST only. */
    @GET
    public Response ask() {
        return html(200, Templates.code(new CodePage(TITLE, "", null)));
    }

    /**
     * Step 1, the code and PIN: the questionnaire. Step 2, the answers (with the responseId the
     * questionnaire carries): the thank-you page, or the questionnaire again with what to correct.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> post(String body, @Context HttpServerRequest request) {
        MultivaluedMap<String, String> form = FormBody.parse(body);
        String code = field(form, "receiptCode");
        String pin = field(form, "pin");
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
        Optional<Duration> wait = limiter.attempt(peer, request.getHeader("X-Forwarded-For"), code);
        if (wait.isPresent()) {
            return Uni.createFrom().item(tooManyAttempts(code, wait.get()));
        }
        return form.containsKey("responseId") ? submit(code, pin, form) : open(code, pin);
    }

    private Uni<Response> open(String code, String pin) {
        if (!ReceiptCheck.wellFormed(code, pin)) {
            return Uni.createFrom().item(refused(code));
        }
        return receiptCodes.find(List.of(code)).chain(found -> {
            ReceiptCheck check = ReceiptCheck.of(code, pin, found.get(code), null, clock.instant());
            if (!check.usable()) {
                return Uni.createFrom().item(refused(code));
            }
            return questionnaire().chain(questionnaire -> agencyName(check.receipt()).map(agency -> html(200, Templates.questionnaire(
                    FormView.form(questionnaire.document(), code, pin, UUID.randomUUID().toString(), agency,
                            Map.of(FormView.CHANNEL, channelOf(check.receipt())), Map.of())))));
        });
    }

    private Uni<Response> submit(String code, String pin, MultivaluedMap<String, String> form) {
        String responseId = form.getFirst("responseId");
        int version = parseVersion(form.getFirst("questionnaireVersion"));
        return receiptCodes.find(List.of(code)).chain(found -> {
            ReceiptCheck check = ReceiptCheck.of(code, pin, found.get(code), responseId, clock.instant());
            if (!check.usable()) {
                return Uni.createFrom().item(refused(code));
            }
            return catalog.find(config.formQuestionnaire(), version).chain(questionnaire -> questionnaire.isEmpty()
                    ? Uni.createFrom().item(html(400, Templates.code(new CodePage(TITLE, ReceiptCheck.echo(code),
                            "Phiếu khảo sát này không còn được sử dụng. Vui lòng mở lại trang."))))
                    : answer(questionnaire.get(), check.receipt(), pin, responseId, form));
        });
    }

    private Uni<Response> answer(QuestionnaireVersion questionnaire, Receipt receipt, String pin, String responseId,
            MultivaluedMap<String, String> form) {
        Map<String, String> errors = FormAnswers.problems(questionnaire, form);
        if (!errors.isEmpty()) {
            return again(questionnaire, receipt, pin, responseId, form, errors);
        }
        ObjectNode document = FormAnswers.document(questionnaire, receipt, pin, responseId, form, clock.instant());
        return intake.submit(List.of(Submission.read(document)), ResponseIntake.Door.FORM, Admission.proofOnly(SOURCE)).chain(outcomes -> {
            Outcome outcome = outcomes.get(0);
            return switch (outcome.status()) {
                case ACCEPTED, DUPLICATE -> agencyName(receipt)
                        .map(agency -> html(200, Templates.thanks(new ThanksPage(TITLE, receipt.code(), agency))));
                case CONFLICT -> Uni.createFrom().item(refused(receipt.code()));
                case REJECTED -> again(questionnaire, receipt, pin, responseId, form, Map.of("receiptCode",
                        "Phiếu chưa được ghi nhận vì dữ liệu không hợp lệ. Vui lòng kiểm tra lại các câu trả lời."));
            };
        });
    }

    private Uni<Response> again(QuestionnaireVersion questionnaire, Receipt receipt, String pin, String responseId,
            MultivaluedMap<String, String> form, Map<String, String> errors) {
        return agencyName(receipt).map(agency -> html(400, Templates.questionnaire(FormView.form(questionnaire.document(),
                receipt.code(), pin, responseId, agency, new LinkedHashMap<>(form), errors))));
    }

    /** The one answer for every code the form cannot open (see {@link ReceiptCheck}). */
    private static Response refused(String code) {
        return html(400, Templates.code(new CodePage(TITLE, ReceiptCheck.echo(code), ReceiptCheck.REFUSED)));
    }

    private static Response tooManyAttempts(String code, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        String message = "Ông/Bà đã thử quá nhiều lần. Vui lòng thử lại sau khoảng " + Math.max(1, (seconds + 59) / 60) + " phút.";
        return Response.fromResponse(html(429, Templates.code(new CodePage(TITLE, ReceiptCheck.echo(code), message))))
                .header("Retry-After", String.valueOf(seconds)).build();
    }

    private Uni<QuestionnaireVersion> questionnaire() {
        return catalog.latest(config.formQuestionnaire()).map(found -> found.orElseThrow(
                () -> new IllegalStateException("no published version of questionnaire " + config.formQuestionnaire())));
    }

    private Uni<String> agencyName(Receipt receipt) {
        return directory.find(List.of(receipt.agencyCode()))
                .map(agencies -> agencies.containsKey(receipt.agencyCode()) ? agencies.get(receipt.agencyCode()).name() : receipt.agencyCode());
    }

    private static List<String> channelOf(Receipt receipt) {
        return receipt.channel() == null ? List.of() : List.of(receipt.channel());
    }

    private static String field(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }

    private static int parseVersion(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Every page: no framing (CSP), not cached (it may hold the code and PIN); the referrer and sniffing headers are global. */
    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML + ";charset=UTF-8").entity(page.render())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY).header("Cache-Control", "no-store").build();
    }
}
