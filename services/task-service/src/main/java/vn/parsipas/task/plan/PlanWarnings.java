package vn.parsipas.task.plan;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import vn.parsipas.task.plan.PlanFile.AgencyEntry;
import vn.parsipas.task.plan.PlanFile.TargetEntry;
import vn.parsipas.task.plan.PlanFile.TaskEntry;

/**
 * The checker's warnings on a valid plan, in the patterns the audit of the Đắk Lắk plan found: a target
 * owned by a collective (nobody in particular acts on its alert) or by an organisation outside the
 * directory's hierarchy (its alert escalates nowhere the province commands), a one-off task whose text
 * says it recurs, a target whose result is only published after its deadline. An entry that lists a
 * kind in {@code acceptedWarnings} is not warned about it: {@link Result#accepted()} counts those.
 */
final class PlanWarnings {
    /** Wordings of a period in Vietnamese plans: "định kỳ", "hằng tháng", "01 tháng/lần", ... */
    private static final List<String> RECURRING_WORDS = List.of("định kỳ", "hàng tháng", "hằng tháng", "mỗi tháng",
            "tháng/lần", "hàng quý", "hằng quý", "mỗi quý", "quý/lần", "hàng năm", "hằng năm", "mỗi năm", "năm/lần",
            "hàng tuần", "hằng tuần", "tuần/lần", "6 tháng một lần", "sáu tháng một lần");
    /** Units of published rankings: known only when the ranking comes out, after the year it ranks. */
    private static final Set<String> RANKING_UNITS = Set.of("places", "group");

    record Result(List<PlanWarning> warnings, int accepted) {
    }

    private final PlanFile plan;
    private final Map<String, AgencyEntry> agencies = new HashMap<>();
    private final Set<String> tops = new HashSet<>();
    private final List<PlanWarning> warnings = new ArrayList<>();
    private int accepted;

    private PlanWarnings(PlanFile plan) {
        this.plan = plan;
        plan.agencies().forEach(agency -> agencies.putIfAbsent(agency.code(), agency));
        plan.plan().coordinatingOffices().forEach(office -> tops.add(top(office)));
    }

    static Result of(PlanFile plan) {
        PlanWarnings check = new PlanWarnings(plan);
        check.run();
        return new Result(List.copyOf(check.warnings), check.accepted);
    }

    private void run() {
        targets("plan.goals.targets", plan.plan().goals().targets());
        for (int i = 0; i < plan.criteria().size(); i++) {
            String path = "criteria[" + i + "]";
            targets(path + ".targets", plan.criteria().get(i).targets());
            List<TaskEntry> tasks = plan.criteria().get(i).tasks();
            for (int t = 0; t < tasks.size(); t++) {
                task(path + ".tasks[" + t + "]", tasks.get(t));
            }
        }
        for (int t = 0; t < plan.tasks().size(); t++) {
            task("tasks[" + t + "]", plan.tasks().get(t));
        }
    }

    private void targets(String path, List<TargetEntry> targets) {
        for (int i = 0; i < targets.size(); i++) {
            TargetEntry target = targets.get(i);
            String at = path + "[" + i + "]";
            AgencyEntry owner = agencies.get(target.responsibleAgency());
            if (owner != null && "collective".equals(owner.kind())) {
                warn(target.acceptedWarnings(), at + ".responsibleAgency", PlanWarning.OWNER_COLLECTIVE, "mục tiêu "
                        + target.id() + " do nhóm cơ quan " + owner.code() + " chịu trách nhiệm: không cơ quan cụ thể nào "
                        + "nhận và xử lý cảnh báo; giao cho một cơ quan có thể hành động, nhóm là cơ quan phối hợp thực hiện");
            } else if (owner != null && !tops.contains(top(owner.code()))) {
                warn(target.acceptedWarnings(), at + ".responsibleAgency", PlanWarning.OWNER_OUTSIDE_HIERARCHY, "mục tiêu "
                        + target.id() + " do " + owner.name() + " chịu trách nhiệm, một tổ chức ngoài hệ thống cơ quan của "
                        + "tỉnh trong danh mục: cảnh báo không thể chuyển lên cơ quan cấp trên của tỉnh");
            }
            boolean ranking = target.indicator() != null && RANKING_UNITS.contains(target.indicator().unit());
            if (target.resultExpectedBy() == null && ("survey-rated".equals(target.kind()) || ranking)) {
                warn(target.acceptedWarnings(), at + ".resultExpectedBy", PlanWarning.RESULT_AFTER_DEADLINE, "kết quả của "
                        + "mục tiêu " + target.id() + " (" + (ranking ? "thứ hạng, nhóm xếp hạng" : "điều tra xã hội học")
                        + ") được công bố sau thời hạn " + target.deadline() + ": ghi ngày dự kiến có kết quả "
                        + "(resultExpectedBy), nếu không mục tiêu sẽ bị tính là không có số liệu hoặc không đạt");
            }
        }
    }

    private void task(String path, TaskEntry task) {
        if (task.recurrence() != null) {
            return;
        }
        String text = Normalizer.normalize(task.title(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        RECURRING_WORDS.stream().filter(text::contains).findFirst().ifPresent(word -> warn(task.acceptedWarnings(),
                path + ".recurrence", PlanWarning.RECURRING_WORDING, "nhiệm vụ " + task.id() + " ghi «" + word
                        + "» nhưng chỉ có một thời hạn: khai báo chu kỳ (recurrence) để mỗi kỳ có thời hạn và cảnh báo riêng"));
    }

    /** The topmost supervisor of an agency (itself when it has none); parents form no cycle once checked. */
    private String top(String code) {
        String top = code;
        Set<String> seen = new HashSet<>();
        for (AgencyEntry up = agencies.get(code); up != null && up.parent() != null && seen.add(up.code());
                up = agencies.get(up.parent())) {
            top = up.parent();
        }
        return top;
    }

    private void warn(List<String> acceptedKinds, String field, String code, String message) {
        if (acceptedKinds != null && acceptedKinds.contains(code)) {
            accepted++;
        } else {
            warnings.add(new PlanWarning(field, code, message));
        }
    }
}
