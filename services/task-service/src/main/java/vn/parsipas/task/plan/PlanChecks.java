package vn.parsipas.task.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import vn.parsipas.platform.problem.Problem.FieldError;
import vn.parsipas.platform.time.BusinessTime;
import vn.parsipas.task.plan.PlanFile.AgencyEntry;
import vn.parsipas.task.plan.PlanFile.CriterionEntry;
import vn.parsipas.task.plan.PlanFile.TargetEntry;
import vn.parsipas.task.plan.PlanFile.TaskEntry;

/**
 * What a plan file must satisfy beyond its schema (deploy/plans/README.md, "What a loader must
 * check"): every agency code it uses is in its directory, parents are bodies and form no cycle, ids are
 * unique and follow the numbering, leads are not their own coordinators, figures add up, dates hold.
 * Each error names the path of the offending value, as the schema's errors do, and says in Vietnamese
 * what is wrong: the people who write plans read it.
 */
final class PlanChecks {
    private final PlanFile plan;
    private final List<FieldError> errors = new ArrayList<>();
    private final Map<String, AgencyEntry> agencies = new HashMap<>();
    private final Set<String> ids = new HashSet<>();
    private final Map<String, PlanFile.Indicator> indicators = new HashMap<>();

    private PlanChecks(PlanFile plan) {
        this.plan = plan;
    }

    static List<FieldError> check(PlanFile plan) {
        PlanChecks checks = new PlanChecks(plan);
        checks.run();
        return checks.errors;
    }

    private void run() {
        if (!BusinessTime.ZONE.getId().equals(plan.plan().timeZone())) {
            error("plan.timeZone", "phải là " + BusinessTime.ZONE.getId() + ", múi giờ của mọi ngày tháng trong hệ thống");
        }
        for (int i = 0; i < plan.agencies().size(); i++) {
            AgencyEntry agency = plan.agencies().get(i);
            if (agencies.putIfAbsent(agency.code(), agency) != null) {
                error("agencies[" + i + "].code", "mã cơ quan " + agency.code() + " bị trùng");
            }
        }
        checkParents();
        codes("plan.coordinatingOffices", plan.plan().coordinatingOffices());
        targets("plan.goals.targets", plan.plan().goals().targets(), "plan", null);
        for (int i = 0; i < plan.criteria().size(); i++) {
            criterion("criteria[" + i + "]", plan.criteria().get(i));
        }
        for (int i = 0; i < plan.tasks().size(); i++) {
            TaskEntry task = plan.tasks().get(i);
            String path = "tasks[" + i + "]";
            uniqueId(path + ".id", task.id(), "plan-t" + (i + 1));
            task(path, task, null);
        }
        for (int i = 0; i < plan.recurringTasks().size(); i++) {
            PlanFile.RecurringEntry duty = plan.recurringTasks().get(i);
            String path = "recurringTasks[" + i + "]";
            uniqueId(path + ".id", duty.id(), "plan-r" + (i + 1));
            code(path + ".leadAgency", duty.leadAgency());
            codes(path + ".coordinatingAgencies", duty.coordinatingAgencies());
            code(path + ".reportTo", duty.reportTo());
            leadNotCoordinating(path, duty.leadAgency(), duty.coordinatingAgencies());
            recurrence(path, duty.recurrence(), duty.dueDay(), duty.from(), duty.until());
        }
    }

    private void criterion(String path, CriterionEntry criterion) {
        if (!ids.add(criterion.code())) {
            error(path + ".code", "tiêu chí " + criterion.code() + " bị trùng");
        }
        code(path + ".leadAgency", criterion.leadAgency());
        codes(path + ".coordinatingAgencies", criterion.coordinatingAgencies());
        leadNotCoordinating(path, criterion.leadAgency(), criterion.coordinatingAgencies());
        notBeforeIssue(path + ".deadline", criterion.deadline());
        targets(path + ".targets", criterion.targets(), criterion.code(), criterion);
        for (int i = 0; i < criterion.tasks().size(); i++) {
            TaskEntry task = criterion.tasks().get(i);
            uniqueId(path + ".tasks[" + i + "].id", task.id(), criterion.code() + "-t" + (i + 1));
            task(path + ".tasks[" + i + "]", task, criterion);
        }
    }

    private void task(String path, TaskEntry task, CriterionEntry criterion) {
        code(path + ".leadAgency", task.leadAgency());
        codes(path + ".coordinatingAgencies", task.coordinatingAgencies());
        code(path + ".reportTo", task.reportTo());
        String lead = task.leadAgency() != null || criterion == null ? task.leadAgency() : criterion.leadAgency();
        List<String> coordinating = task.coordinatingAgencies() != null ? task.coordinatingAgencies()
                : criterion == null ? List.of() : criterion.coordinatingAgencies();
        leadNotCoordinating(path, lead, coordinating);
        notBeforeIssue(path + ".deadline", task.deadline());
        if (task.recurrence() != null && criterion != null) {
            recurrence(path, task.recurrence(), task.dueDay(), task.from() != null ? task.from() : plan.plan().issuedOn(),
                    task.until() != null ? task.until() : criterion.deadline());
        }
    }

    private void recurrence(String path, String recurrence, Integer dueDay, LocalDate from, LocalDate until) {
        if (until.isBefore(from)) {
            error(path + ".until", "trước ngày bắt đầu " + from);
        } else if (PlanContent.occurrences(recurrence, dueDay, from, until).isEmpty()) {
            error(path + ".until", "không có kỳ nào đến hạn từ " + from + " đến " + until);
        }
    }

    private void targets(String path, List<TargetEntry> targets, String owner, CriterionEntry criterion) {
        for (int i = 0; i < targets.size(); i++) {
            TargetEntry target = targets.get(i);
            String at = path + "[" + i + "]";
            if (!ids.add(target.id())) {
                error(at + ".id", "mã " + target.id() + " bị trùng");
            }
            if (!target.id().startsWith("t-" + owner + "-")) {
                error(at + ".id", "phải bắt đầu bằng t-" + owner + "-");
            }
            code(at + ".responsibleAgency", target.responsibleAgency());
            notBeforeIssue(at + ".deadline", target.deadline());
            if (target.resultExpectedBy() != null && target.resultExpectedBy().isBefore(target.deadline())) {
                error(at + ".resultExpectedBy", "trước thời hạn của mục tiêu " + target.deadline()
                        + ": kết quả được công bố sau thời hạn, không trước");
            }
            boolean onSipasItem = criterion != null && criterion.code().startsWith("2.");
            if ("sipas".equals(target.kind()) != onSipasItem) {
                error(at + ".kind", onSipasItem ? "mục tiêu của chỉ số SIPAS 2.x phải có loại sipas"
                        : "loại sipas chỉ dùng cho mục tiêu của chỉ số SIPAS 2.x");
            } else if (onSipasItem && !criterion.code().equals(target.subIndex())) {
                error(at + ".subIndex", "phải là mã của chỉ số: " + criterion.code());
            }
            if (target.relativeTo() == null && target.value() != null && target.delta() != null
                    && target.baseline() != null && target.baseline().value() != null
                    && target.baseline().value().add(target.delta()).compareTo(target.value()) != 0) {
                error(at + ".value", "khác giá trị năm gốc + mức tăng (" + target.baseline().value().add(target.delta()) + ")");
            }
            PlanFile.Indicator indicator = target.indicator();
            if (indicator != null) {
                PlanFile.Indicator first = indicators.putIfAbsent(indicator.code(), indicator);
                if (first != null && !first.equals(indicator)) {
                    error(at + ".indicator", "chỉ số " + indicator.code() + " đã được khai báo với tên hoặc đơn vị khác");
                }
            }
        }
    }

    private void checkParents() {
        for (int i = 0; i < plan.agencies().size(); i++) {
            AgencyEntry agency = plan.agencies().get(i);
            String path = "agencies[" + i + "].parent";
            if (agency.parent() == null || !code(path, agency.parent())) {
                continue;
            }
            if ("collective".equals(agencies.get(agency.parent()).kind())) {
                error(path, "một nhóm cơ quan không thể là cơ quan cấp trên");
            }
            Set<String> seen = new HashSet<>();
            for (AgencyEntry up = agency; up != null && up.parent() != null; up = agencies.get(up.parent())) {
                if (!seen.add(up.code())) {
                    error(path, "các cơ quan cấp trên của " + agency.code() + " tạo thành vòng lặp");
                    break;
                }
            }
        }
    }

    private void uniqueId(String path, String id, String expected) {
        if (!ids.add(id)) {
            error(path, "mã " + id + " bị trùng");
        } else if (!id.equals(expected)) {
            error(path, "phải là " + expected + ": mã được đánh số theo thứ tự");
        }
    }

    private void leadNotCoordinating(String path, String lead, List<String> coordinating) {
        if (coordinating != null && coordinating.contains(lead)) {
            error(path + ".coordinatingAgencies", "có cả cơ quan chủ trì " + lead);
        }
    }

    private void notBeforeIssue(String path, LocalDate date) {
        if (date != null && date.isBefore(plan.plan().issuedOn())) {
            error(path, "trước ngày ban hành kế hoạch " + plan.plan().issuedOn());
        }
    }

    private void codes(String path, List<String> codes) {
        if (codes != null) {
            for (int i = 0; i < codes.size(); i++) {
                code(path + "[" + i + "]", codes.get(i));
            }
        }
    }

    private boolean code(String path, String code) {
        if (code == null || agencies.containsKey(code)) {
            return true;
        }
        error(path, "cơ quan " + code + " không có trong danh mục cơ quan của kế hoạch");
        return false;
    }

    private void error(String path, String message) {
        FieldError error = new FieldError(path, message);
        if (errors.stream().noneMatch(e -> Objects.equals(e, error))) {
            errors.add(error);
        }
    }
}
