package vn.parsipas.task.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan checker as a plan author runs it: status, and what it prints in Vietnamese. */
class PlanCheckTest {
    private static final String SEED = "../../deploy/plans/dak-lak-2025.yaml";

    @TempDir
    Path dir;

    @Test
    void theSeedIsValidAndItsTemplateIsValidToo() {
        Path xlsx = dir.resolve("ke-hoach.xlsx");

        Run seed = run(SEED, xlsx.toString());
        Run template = run(xlsx.toString());

        assertThat(seed.status()).isZero();
        assertThat(seed.out()).contains("Kế hoạch 120/KH-UBND (dak-lak-2025) hợp lệ: 26 cơ quan, 31 tiêu chí, 38 mục tiêu, "
                + "149 nhiệm vụ (21 là các kỳ của nhiệm vụ định kỳ).").contains("0 cảnh báo, 1 cảnh báo đã được chấp nhận")
                .contains("Đã ghi " + xlsx);
        assertThat(template.status()).isZero();
        assertThat(template.out()).contains("(dak-lak-2025) hợp lệ").contains("0 cảnh báo");
    }

    @Test
    void aPlanWithErrorsExitsWithStatus1AndNamesEachOne() throws Exception {
        Path broken = dir.resolve("sai.yaml");
        Files.writeString(broken, Files.readString(Path.of(SEED)).replace("  leadAgency: VP-UBND-TINH\n  coordinatingAgencies: [ALL-AGENCIES]",
                "  leadAgency: SO-KHONG-CO\n  coordinatingAgencies: [ALL-AGENCIES]").replace("deadline: \"2025-12-31\"\n  deadlineText",
                "deadline: \"2025-13-31\"\n  deadlineText"));

        Run run = run(broken.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("LỖI     criteria[0].deadline:").contains("không có gì được nhập");
    }

    @Test
    void warningsArePrintedWithTheirKindAndPlaceButDoNotFailTheCheck() throws Exception {
        Path plan = dir.resolve("canh-bao.yaml");
        Files.writeString(plan, Files.readString(Path.of(SEED)).replace("    responsibleAgency: SO-TAI-CHINH\n    indicator:\n"
                + "      code: public-investment-disbursement-rate", "    responsibleAgency: ALL-DEPARTMENTS\n    indicator:\n"
                + "      code: public-investment-disbursement-rate"));

        Run run = run(plan.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("CẢNH BÁO [target-owner-collective] criteria[7].targets[0].responsibleAgency: "
                + "mục tiêu t-1.8-disbursement-rate do nhóm cơ quan ALL-DEPARTMENTS chịu trách nhiệm").contains("1 cảnh báo");
    }

    @Test
    void anEmptyTemplateIsWrittenOnRequest() {
        Path template = dir.resolve("mau.xlsx");

        assertThat(run("template", template.toString()).status()).isZero();
        assertThat(template).isNotEmptyFile();
        assertThat(run("template").status()).isEqualTo(2);
        assertThat(run(dir.resolve("khong-co.yaml").toString()).out()).contains("không đọc hoặc ghi được tệp");
    }

    private record Run(int status, String out) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = PlanCheck.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }
}
