package vn.parsipas.task.plan;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.problem.Problem.FieldError;
import vn.parsipas.task.plan.workbook.PlanWorkbook;

/**
 * The plan checker, usable without the suite: checks a plan file (YAML, JSON or the XLSX template)
 * as an import would — schema, references, arithmetic of targets — and prints the warnings of
 * {@link PlanWarnings}; optionally writes the plan as the template or as YAML. Exit status 1 when the
 * plan has errors (nothing of it could be imported), 2 when the command is wrong, else 0.
 *
 * <pre>
 * ./mvnw -q -pl services/task-service -am process-classes -Dplan=deploy/plans/dak-lak-2025.yaml [-Dplan.out=ke-hoach.xlsx]
 * ./mvnw -q -pl services/task-service -am process-classes -Dplan=template -Dplan.out=mau-ke-hoach.xlsx
 * </pre>
 */
public final class PlanCheck {
    private static final String TEMPLATE = "template";

    private PlanCheck() {
    }

    public static void main(String[] args) {
        int status = run(args, new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out) {
        if (args.length == 0 || args[0] == null || args[0].isBlank()) {
            out.println("Cách dùng: PlanCheck <tệp kế hoạch .yaml|.json|.xlsx | template> [tệp ghi ra .xlsx|.yaml]");
            return 2;
        }
        String output = args.length > 1 && args[1] != null && !args[1].isBlank() ? args[1] : null;
        try {
            if (TEMPLATE.equals(args[0])) {
                return output == null ? usage(out) : write(Path.of(output), PlanWorkbook.template(List.of()), out);
            }
            Path file = Path.of(args[0]);
            PlanReader.ParsedPlan plan = PlanReader.read(Files.readAllBytes(file), PlanFormat.ofFileName(file.toString()));
            report(file, plan, out);
            return output == null ? 0 : write(Path.of(output), convert(plan, PlanFormat.ofFileName(output)), out);
        } catch (InvalidInputException e) {
            List<FieldError> errors = e.errors();
            errors.forEach(error -> out.println("LỖI     " + (error.field().isEmpty() ? "" : error.field() + ": ") + error.message()));
            out.println(errors.size() + " lỗi: kế hoạch " + args[0] + " không hợp lệ, không có gì được nhập.");
            return 1;
        } catch (IOException e) {
            out.println("LỖI     không đọc hoặc ghi được tệp: " + e.getMessage());
            return 2;
        }
    }

    private static void report(Path file, PlanReader.ParsedPlan plan, PrintStream out) {
        PlanFile info = plan.content().file();
        plan.warnings().forEach(w -> out.println("CẢNH BÁO [" + w.code() + "] " + w.field() + ": " + w.message()));
        long occurrences = plan.content().tasks().stream().filter(t -> t.recurrence() != null).count();
        out.println("Kế hoạch " + info.plan().number() + " (" + info.plan().id() + ") hợp lệ: " + info.agencies().size()
                + " cơ quan, " + info.criteria().size() + " tiêu chí, " + plan.content().targets().size() + " mục tiêu, "
                + plan.content().tasks().size() + " nhiệm vụ (" + occurrences + " là các kỳ của nhiệm vụ định kỳ).");
        out.println(plan.warnings().size() + " cảnh báo" + (plan.acceptedWarnings() > 0
                ? ", " + plan.acceptedWarnings() + " cảnh báo đã được chấp nhận trong tệp (acceptedWarnings)" : "") + ": " + file);
    }

    private static byte[] convert(PlanReader.ParsedPlan plan, PlanFormat format) throws IOException {
        return switch (format) {
            case XLSX -> PlanWorkbook.write(plan.document());
            case JSON -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(plan.document());
            case YAML -> new ObjectMapper(new YAMLFactory()).writeValueAsBytes(plan.document());
        };
    }

    private static int write(Path path, byte[] bytes, PrintStream out) throws IOException {
        Files.write(path, bytes);
        out.println("Đã ghi " + path);
        return 0;
    }

    private static int usage(PrintStream out) {
        out.println("Cách dùng: PlanCheck template <tệp ghi ra .xlsx>");
        return 2;
    }
}
