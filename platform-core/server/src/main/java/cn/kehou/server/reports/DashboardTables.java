package cn.kehou.server.reports;

import cn.kehou.server.problem.ProblemException;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import java.util.ArrayList;
import java.util.List;

/** The dashboard's tables as exportable sheets, with headers in the reader's language: what the page shows. */
public final class DashboardTables {

    public static final List<String> TABLES = List.of("tenants", "schools", "filings");

    private DashboardTables() {
    }

    static RepMsg msg(boolean english) {
        return english ? MessageBundles.get(RepMsg.class, Localized.Literal.of("en")) : MessageBundles.get(RepMsg.class);
    }

    public static ReportFiles.Sheet sheet(Dashboard.View view, String table, boolean english) {
        RepMsg m = msg(english);
        String subtitle = view.tenant() + "  " + view.from() + " – " + view.to();
        return switch (table) {
            case "tenants" -> new ReportFiles.Sheet(m.dashboardTitle() + " · " + m.byTenant(), subtitle,
                    headers(m, m.colTenant(), m.colSchools()), view.tenants().stream()
                    .map(t -> cells(name(english, t.name(), t.nameEn()) + (t.self() ? " (" + m.ownSchools() + ")" : ""),
                            Integer.toString(t.figures().schools()), t.figures())).toList());
            case "schools" -> new ReportFiles.Sheet(m.dashboardTitle() + " · " + m.bySchool(), subtitle,
                    headers(m, m.colTenant(), m.colSchool()), view.schools().stream()
                    .map(s -> cells(name(english, s.tenantName(), s.tenantNameEn()), name(english, s.name(), s.nameEn()),
                            s.figures())).toList());
            case "filings" -> new ReportFiles.Sheet(m.dashboardTitle() + " · " + m.filingsTitle(), subtitle,
                    List.of(m.colSchool(), m.colTerm(), m.colTermStart(), m.colFiledOn(), m.colStatus(), m.colReason()),
                    view.filings().stream().map(f -> List.of(f.schoolName(), f.termName(), f.termStart().toString(),
                            f.filedOn() == null ? "" : f.filedOn().toString(), m.filingStatus(f.status()),
                            f.status() == PlanFilings.Status.ON_TIME || f.reasonZh() == null ? ""
                                    : (english ? f.reasonEn() : f.reasonZh()) + "（" + f.citation() + "）")).toList());
            default -> throw ProblemException.notFound("table", table);
        };
    }

    private static String name(boolean english, String zh, String en) {
        return english && en != null ? en : zh;
    }

    private static List<String> headers(RepMsg m, String first, String second) {
        return List.of(first, second, m.colEnrolled(), m.colParticipants(), m.colRate(), m.colSessions(), m.colParticipations(),
                m.colCollected(), m.colWaived(), m.colRefunded(), m.colPlansOnTime(), m.colPlansLate(), m.colPlansOverdue(),
                m.colPlansPending(), m.colComplaints(), m.colSatisfaction());
    }

    private static List<String> cells(String first, String second, Dashboard.Figures f) {
        List<String> row = new ArrayList<>(List.of(first, second));
        row.addAll(List.of(Long.toString(f.enrolled()), Long.toString(f.participants()), f.participationRate(),
                Long.toString(f.sessions()), Long.toString(f.participations()), f.collectedYuan(), f.waivedYuan(),
                f.refundedYuan(), Integer.toString(f.plansOnTime()), Integer.toString(f.plansLate()),
                Integer.toString(f.plansOverdue()), Integer.toString(f.plansPending()), Long.toString(f.complaints()),
                f.satisfaction()));
        return row;
    }
}
