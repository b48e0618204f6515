package cn.kehou.server.reports;

import cn.kehou.server.portal.PortalLanguage;
import cn.kehou.server.portal.PortalPath;
import cn.kehou.server.portal.Waiting;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A bureau's home list (待办): the dashboard with its late and overdue plan filings, and the reports page. */
@RequestScoped
public class ReportHomes {

    @Inject
    PortalLanguage language;
    @Inject
    Reports reports;
    @Inject
    PlanFilings filings;
    @Inject
    ReportDatasets datasets;
    @Inject
    Clock clock;

    public Waiting bureau(String tenantCode) {
        RepMsg m = DashboardTables.msg(language.get().english());
        String base = PortalPath.PREFIX + tenantCode;
        Tenant tenant = ReportResource.tenant(tenantCode);
        LocalDate today = LocalDate.now(clock);
        List<Waiting.Item> items = new ArrayList<>();
        List<PlanFilings.Filing> plans;
        int reportCount;
        try {
            plans = filings.of(datasets.schools(tenant), ReportResource.termStart(today), today);
            reportCount = reports.definitions(tenant).size();
        } catch (ProblemException regionNotReady) {
            // The pages say why; the home still links to them.
            plans = List.of();
            reportCount = 0;
        }
        int late = (int) plans.stream().filter(f -> f.status() == PlanFilings.Status.LATE).count();
        int overdue = (int) plans.stream().filter(f -> f.status() == PlanFilings.Status.OVERDUE).count();
        items.add(new Waiting.Item(m.homeDashboard(), m.homeDashboardDetail(late, overdue), base + "/dashboard"));
        items.add(new Waiting.Item(m.homeReports(), m.homeReportsDetail(reportCount), base + "/reports"));
        plans.stream().filter(f -> f.status() == PlanFilings.Status.OVERDUE)
                .forEach(f -> items.add(new Waiting.Item(m.homeFiling(f.schoolName(), f.termName()), m.filingStatus(f.status()),
                        base + "/dashboard#filings-title")));
        return new Waiting(Waiting.Kind.REPORTS, items, base + "/dashboard");
    }

    /** A school's published reports (公示), when its region publishes any. */
    public Waiting school(String tenantCode, School school) {
        RepMsg m = DashboardTables.msg(language.get().english());
        String url = PortalPath.PREFIX + tenantCode + "/schools/" + school.code + "/reports";
        int published;
        try {
            published = reports.published(ReportResource.tenant(tenantCode)).size();
        } catch (ProblemException regionNotReady) {
            published = 0;
        }
        return published == 0 ? Waiting.empty(Waiting.Kind.REPORTS)
                : new Waiting(Waiting.Kind.REPORTS, List.of(new Waiting.Item(m.homeReports(), m.homeReportsDetail(published), url)), url);
    }
}
