package cn.kehou.plugins.contract;

import cn.kehou.plugin.api.ComplianceRules;
import cn.kehou.plugin.api.EnrollmentRules;
import cn.kehou.plugin.api.FeeDecision;
import cn.kehou.plugin.api.FeeRequest;
import cn.kehou.plugin.api.FeeSchedule;
import cn.kehou.plugin.api.FundsFlow;
import cn.kehou.plugin.api.HolidayCarePolicy;
import cn.kehou.plugin.api.MealAndNapPolicy;
import cn.kehou.plugin.api.NapAssignment;
import cn.kehou.plugin.api.NapChild;
import cn.kehou.plugin.api.NapRoom;
import cn.kehou.plugin.api.PluginConfig;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.PublicationItem;
import cn.kehou.plugin.api.RefundRequest;
import cn.kehou.plugin.api.ReportDataset;
import cn.kehou.plugin.api.ReportDefinition;
import cn.kehou.plugin.api.ReportFormat;
import cn.kehou.plugin.api.ReportTable;
import cn.kehou.plugin.api.SchoolProfile;
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.plugin.api.ServiceSession;
import cn.kehou.plugin.api.ServiceWindowPolicy;
import cn.kehou.plugin.api.StudentProfile;
import cn.kehou.plugin.api.WindowRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.pf4j.ExtensionPoint;

/** Builds, for every extension point a plugin implements, the calls the contract makes on one date. */
final class Probes {

    private final List<ExtensionPoint> extensions;
    private final PluginConfig config;
    private final List<SchoolProfile> schools;
    private final String tenant;

    Probes(List<ExtensionPoint> extensions, PluginConfig config, List<SchoolProfile> schools, String tenant) {
        this.extensions = extensions;
        this.config = config;
        this.schools = schools;
        this.tenant = tenant;
    }

    List<Probe> on(LocalDate date) {
        var probes = new ArrayList<Probe>();
        PolicyContext tenantLevel = new PolicyContext(tenant, null, date, config);
        for (ExtensionPoint extension : extensions) {
            if (extension instanceof ServiceWindowPolicy window) {
                window(probes, window, tenantLevel, date);
            }
            if (extension instanceof FeeSchedule fees) {
                fees(probes, fees, tenantLevel, date);
            }
            if (extension instanceof FundsFlow funds) {
                funds(probes, funds, date);
            }
            if (extension instanceof MealAndNapPolicy meals) {
                meals(probes, meals, tenantLevel, date);
            }
            if (extension instanceof HolidayCarePolicy holidays) {
                add(probes, "HolidayCarePolicy", "rules(tenant)", () -> holidays.rules(tenantLevel), none());
                for (SchoolProfile school : schools) {
                    add(probes, "HolidayCarePolicy", "rules(" + school.code() + ")", () -> holidays.rules(at(school, date)), none());
                }
            }
            if (extension instanceof EnrollmentRules enrollment) {
                enrollment(probes, enrollment, tenantLevel, date);
            }
            if (extension instanceof ComplianceRules compliance) {
                compliance(probes, compliance, tenantLevel, date);
            }
            if (extension instanceof ReportFormat reports) {
                reports(probes, reports, tenantLevel, date);
            }
        }
        return probes;
    }

    private void window(List<Probe> probes, ServiceWindowPolicy window, PolicyContext tenantLevel, LocalDate date) {
        for (ServiceKind kind : ServiceKind.values()) {
            add(probes, "ServiceWindowPolicy", "rulesFor(tenant, " + kind + ")", () -> window.rulesFor(tenantLevel, kind),
                    answer -> sameKind((WindowRules) answer, kind));
            for (SchoolProfile school : schools) {
                PolicyContext ctx = at(school, date);
                add(probes, "ServiceWindowPolicy", "rulesFor(" + school.code() + ", " + kind + ")",
                        () -> window.rulesFor(ctx, kind), answer -> sameKind((WindowRules) answer, kind));
                for (ServiceSession session : Samples.sessions(kind, school)) {
                    add(probes, "ServiceWindowPolicy", "check(" + school.code() + ", " + session + ")",
                            () -> window.check(ctx, session), none());
                }
            }
        }
    }

    private void fees(List<Probe> probes, FeeSchedule fees, PolicyContext tenantLevel, LocalDate date) {
        add(probes, "FeeSchedule", "publicationRequirements(tenant)", () -> fees.publicationRequirements(tenantLevel), noNullElements());
        add(probes, "FeeSchedule", "recostingInterval(tenant)", () -> fees.recostingInterval(tenantLevel), none());
        for (SchoolProfile school : schools) {
            PolicyContext ctx = at(school, date);
            for (ServiceKind kind : ServiceKind.values()) {
                for (FeeRequest request : Samples.feeRequests(kind, date)) {
                    add(probes, "FeeSchedule", "price(" + school.code() + ", " + request + ")", () -> fees.price(ctx, request),
                            answer -> pricedAtMostProposed((FeeDecision) answer, request));
                }
            }
        }
    }

    private void funds(List<Probe> probes, FundsFlow funds, LocalDate date) {
        for (SchoolProfile school : schools) {
            PolicyContext ctx = at(school, date);
            for (ServiceKind kind : ServiceKind.values()) {
                for (boolean provider : new boolean[] {false, true}) {
                    add(probes, "FundsFlow", "route(" + school.code() + ", " + kind + ", provider=" + provider + ")",
                            () -> funds.route(ctx, kind, provider), none());
                }
                for (RefundRequest request : Samples.refundRequests(kind)) {
                    add(probes, "FundsFlow", "refund(" + school.code() + ", " + request + ")", () -> funds.refund(ctx, request),
                            answer -> withinPaid((Long) answer, request));
                }
            }
        }
    }

    private void meals(List<Probe> probes, MealAndNapPolicy meals, PolicyContext tenantLevel, LocalDate date) {
        add(probes, "MealAndNapPolicy", "meals(tenant)", () -> meals.meals(tenantLevel), noNullElements());
        List<NapRoom> rooms = Samples.napRooms();
        for (int perGrade : new int[] {0, 5, 30}) {
            List<NapChild> children = Samples.napChildren(perGrade);
            for (SchoolProfile school : schools) {
                PolicyContext ctx = at(school, date);
                add(probes, "MealAndNapPolicy", "assignNaps(" + school.code() + ", " + children.size() + " children)",
                        () -> meals.assignNaps(ctx, rooms, children), answer -> napsValid(answer, rooms, children));
                add(probes, "MealAndNapPolicy", "assignNaps(" + school.code() + ", " + children.size() + " children, reversed)",
                        () -> new HashSet<>(meals.assignNaps(ctx, reversed(rooms), reversed(children))),
                        answer -> orderIndependent(answer, meals, ctx, rooms, children));
            }
        }
    }

    private void enrollment(List<Probe> probes, EnrollmentRules enrollment, PolicyContext tenantLevel, LocalDate date) {
        add(probes, "EnrollmentRules", "terms(tenant)", () -> enrollment.terms(tenantLevel), none());
        for (SchoolProfile school : schools) {
            PolicyContext ctx = at(school, date);
            add(probes, "EnrollmentRules", "terms(" + school.code() + ")", () -> enrollment.terms(ctx), none());
            for (StudentProfile student : Samples.students()) {
                add(probes, "EnrollmentRules", "eligible(" + school.code() + ", " + student + ")",
                        () -> enrollment.eligible(ctx, student), none());
            }
        }
    }

    private void compliance(List<Probe> probes, ComplianceRules compliance, PolicyContext tenantLevel, LocalDate date) {
        add(probes, "ComplianceRules", "duties(tenant)", () -> compliance.duties(tenantLevel), noNullElements());
        for (SchoolProfile school : schools) {
            PolicyContext ctx = at(school, date);
            LocalDate termStart = date.plusDays(7);
            add(probes, "ComplianceRules", "checkPlanFiling(nothing filed)",
                    () -> compliance.checkPlanFiling(ctx, termStart, null, false), none());
            add(probes, "ComplianceRules", "checkPlanFiling(approved today)",
                    () -> compliance.checkPlanFiling(ctx, termStart, date, true), none());
            add(probes, "ComplianceRules", "checkPlanFiling(filed after term start)",
                    () -> compliance.checkPlanFiling(ctx, termStart, termStart.plusDays(3), false), none());
            add(probes, "ComplianceRules", "checkFeePublication(nothing)",
                    () -> compliance.checkFeePublication(ctx, Set.of()), none());
            add(probes, "ComplianceRules", "checkFeePublication(everything)",
                    () -> compliance.checkFeePublication(ctx, EnumSet.allOf(PublicationItem.class)), none());
            for (var course : Samples.courses()) {
                add(probes, "ComplianceRules", "checkContent(" + school.code() + ", " + course.title() + ")",
                        () -> compliance.checkContent(ctx, course), none());
            }
        }
    }

    private void reports(List<Probe> probes, ReportFormat reports, PolicyContext tenantLevel, LocalDate date) {
        add(probes, "ReportFormat", "reports(tenant)", () -> reports.reports(tenantLevel), noNullElements());
        ReportDataset data = Samples.dataset(tenant, date.minusMonths(1), date);
        for (ReportDefinition report : reports.reports(tenantLevel)) {
            add(probes, "ReportFormat", "build(" + report.code() + ")", () -> reports.build(tenantLevel, report, data),
                    answer -> declaredColumns((ReportTable) answer, report));
        }
    }

    private PolicyContext at(SchoolProfile school, LocalDate date) {
        return new PolicyContext(tenant, school, date, config);
    }

    private static void add(List<Probe> probes, String point, String label, java.util.concurrent.Callable<Object> call,
                            Function<Object, List<String>> check) {
        probes.add(new Probe(point, point + "." + label, call, check));
    }

    private static Function<Object, List<String>> none() {
        return answer -> List.of();
    }

    private static Function<Object, List<String>> noNullElements() {
        // List.of(...).contains(null) throws, so look for null element by element
        return answer -> ((Collection<?>) answer).stream().anyMatch(Objects::isNull) ? List.of("list contains null") : List.of();
    }

    private static List<String> sameKind(WindowRules rules, ServiceKind kind) {
        return rules.kind() == kind ? List.of() : List.of("rules for " + rules.kind() + " when asked for " + kind);
    }

    private static List<String> pricedAtMostProposed(FeeDecision fee, FeeRequest request) {
        return fee.priceFen() <= request.proposedPerTermFen() ? List.of()
                : List.of("approved " + fee.priceFen() + " fen above the proposed " + request.proposedPerTermFen());
    }

    private static List<String> withinPaid(long refund, RefundRequest request) {
        return refund >= 0 && refund <= request.paidFen() ? List.of()
                : List.of("refund " + refund + " outside 0.." + request.paidFen());
    }

    private static List<String> napsValid(Object answer, List<NapRoom> rooms, List<NapChild> children) {
        @SuppressWarnings("unchecked")
        List<NapAssignment> assignments = (List<NapAssignment>) answer;
        var problems = new ArrayList<String>();
        if (assignments.stream().anyMatch(Objects::isNull)) {
            return List.of("list contains null");
        }
        Set<String> expected = new HashSet<>();
        children.forEach(child -> expected.add(child.studentId()));
        Set<String> seen = new HashSet<>();
        Map<String, Integer> load = new HashMap<>();
        for (NapAssignment a : assignments) {
            if (!seen.add(a.studentId())) {
                problems.add(a.studentId() + " assigned twice");
            }
            if (a.placed()) {
                load.merge(a.roomId(), 1, Integer::sum);
            }
        }
        if (!seen.equals(expected)) {
            problems.add("assignments are not exactly one per child");
        }
        for (var entry : load.entrySet()) {
            NapRoom room = rooms.stream().filter(r -> r.id().equals(entry.getKey())).findFirst().orElse(null);
            if (room == null) {
                problems.add("unknown room " + entry.getKey());
            } else if (entry.getValue() > room.capacity()) {
                problems.add("room " + room.id() + " holds " + entry.getValue() + " > capacity " + room.capacity());
            }
        }
        return problems;
    }

    private static List<String> orderIndependent(Object answer, MealAndNapPolicy meals, PolicyContext ctx,
                                                 List<NapRoom> rooms, List<NapChild> children) {
        return answer.equals(new HashSet<>(meals.assignNaps(ctx, rooms, children))) ? List.of()
                : List.of("assignment changes with the order of rooms or children");
    }

    private static List<String> declaredColumns(ReportTable table, ReportDefinition report) {
        var problems = new ArrayList<String>();
        if (!table.columns().equals(report.columnKeys())) {
            problems.add("columns " + table.columns() + " ≠ declared " + report.columnKeys());
        }
        if (!table.reportCode().equals(report.code())) {
            problems.add("report code " + table.reportCode() + " ≠ " + report.code());
        }
        return problems;
    }

    private static <T> List<T> reversed(List<T> list) {
        var copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
