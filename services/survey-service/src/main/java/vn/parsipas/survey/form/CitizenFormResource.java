package vn.parsipas.survey.form;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import vn.parsipas.survey.SurveyConfig;
import vn.parsipas.survey.directory.AgencyDirectory;
import vn.parsipas.survey.form.FormView.CodePage;
import vn.parsipas.survey.form.FormView.FormPage;
import vn.parsipas.survey.form.FormView.ThanksPage;
import vn.parsipas.survey.intake.Outcome;
import vn.parsipas.survey.intake.ResponseIntake;
import vn.parsipas.survey.intake.Submission;
import vn.parsipas.survey.questionnaire.QuestionnaireCatalog;
import vn.parsipas.survey.questionnaire.QuestionnaireVersion;
import vn.parsipas.survey.receipt.Receipt;
import vn.parsipas.survey.receipt.ReceiptCodes;

/**
 * The public citizen form at /khao-sat: the citizen enters the receipt code of the returned
 * dossier, then answers the questionnaire. Plain server-rendered HTML that works without
 * JavaScript; the answers go through the same intake as the REST and Kafka doors. Anonymous by
 * design: the registered, unexpired, unused receipt code is what admits a response.
 */
@Path("/khao-sat")
@PermitAll
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class CitizenFormResource {
    /** The source stored with the responses of this form (it has no client: citizens are anonymous). */
    static final String SOURCE = "/khao-sat";
    static final String TITLE = "Đánh giá sự hài lòng về giải quyết thủ tục hành chính";

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
    SurveyConfig config;

    @Inject
    Clock clock;

    /** Without a code: asks for it. With one: the questionnaire, or why the code cannot be used. */
    @GET
    public Uni<Response> open(@QueryParam("receiptCode") String receiptCode) {
        if (receiptCode == null || receiptCode.isBlank()) {
            return Uni.createFrom().item(html(200, Templates.code(new CodePage(TITLE, "", null))));
        }
        String code = receiptCode.strip();
        return Panache.withSession(() -> receiptCodes.find(List.of(code), false).chain(found -> {
            ReceiptCheck check = ReceiptCheck.of(code, found.get(code), clock.instant());
            if (!check.usable()) {
                return Uni.createFrom().item(html(check.status(), Templates.code(new CodePage(TITLE, code, check.message()))));
            }
            return questionnaire().chain(questionnaire -> agencyName(check.receipt()).map(agency -> html(200, Templates.questionnaire(
                    FormView.form(questionnaire.document(), code, UUID.randomUUID().toString(), agency,
                            check.receipt().procedureCode(), Map.of(FormView.CHANNEL, channelOf(check.receipt())), Map.of())))));
        }));
    }

    /** Stores the answers; the thank-you page, or the form again with what to correct. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> submit(MultivaluedMap<String, String> form) {
        String code = form.getFirst("receiptCode") == null ? "" : form.getFirst("receiptCode").strip();
        String responseId = form.getFirst("responseId") == null ? UUID.randomUUID().toString() : form.getFirst("responseId");
        int version = parseVersion(form.getFirst("questionnaireVersion"));
        return Panache.withTransaction(() -> receiptCodes.find(List.of(code), false).chain(found -> {
            Receipt receipt = found.get(code);
            ReceiptCheck check = ReceiptCheck.of(code, receipt, clock.instant());
            return catalog.find(config.formQuestionnaire(), version).chain(questionnaire -> {
                if (questionnaire.isEmpty() || (!check.usable() && !(receipt != null && responseId.equals(receipt.responseId())))) {
                    String message = questionnaire.isEmpty() ? "Phiếu khảo sát này không còn được sử dụng. Vui lòng mở lại trang."
                            : check.message();
                    return Uni.createFrom().item(html(questionnaire.isEmpty() ? 400 : check.status(),
                            Templates.code(new CodePage(TITLE, code, message))));
                }
                return answer(questionnaire.get(), receipt, responseId, form);
            });
        }));
    }

    private Uni<Response> answer(QuestionnaireVersion questionnaire, Receipt receipt, String responseId, MultivaluedMap<String, String> form) {
        Map<String, String> errors = FormAnswers.problems(questionnaire, form);
        if (!errors.isEmpty()) {
            return again(questionnaire, receipt, responseId, form, errors, 400);
        }
        ObjectNode document = FormAnswers.document(questionnaire, receipt, responseId, form, clock.instant());
        return intake.submit(List.of(Submission.read(document)), ResponseIntake.Door.FORM, SOURCE).chain(outcomes -> {
            Outcome outcome = outcomes.get(0);
            return switch (outcome.status()) {
                case ACCEPTED, DUPLICATE -> agencyName(receipt)
                        .map(agency -> html(200, Templates.thanks(new ThanksPage(TITLE, receipt.code(), agency))));
                case CONFLICT -> Uni.createFrom().item(html(409, Templates.code(new CodePage(TITLE, receipt.code(),
                        ReceiptCheck.USED))));
                case REJECTED -> again(questionnaire, receipt, responseId, form, Map.of("receiptCode",
                        "Phiếu chưa được ghi nhận vì dữ liệu không hợp lệ. Vui lòng kiểm tra lại các câu trả lời."), 400);
            };
        });
    }

    private Uni<Response> again(QuestionnaireVersion questionnaire, Receipt receipt, String responseId, MultivaluedMap<String, String> form,
            Map<String, String> errors, int status) {
        return agencyName(receipt).map(agency -> html(status, Templates.questionnaire(FormView.form(questionnaire.document(),
                receipt.code(), responseId, agency, receipt.procedureCode(), new LinkedHashMap<>(form), errors))));
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

    private static int parseVersion(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML + ";charset=UTF-8").entity(page.render()).build();
    }
}
