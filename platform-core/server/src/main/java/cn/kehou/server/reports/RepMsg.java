package cn.kehou.server.reports;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The texts of the reports and dashboard pages ({@code messages/rep.properties}, zh-CN default, and {@code rep_en}). */
@MessageBundle("rep")
public interface RepMsg {

    @Message String reportsTitle();
    @Message String reportsIntro();
    @Message String period();
    @Message String from();
    @Message String to();
    @Message String show();
    @Message String noReports();
    @Message String download();
    @Message String regionFormat(String format);
    @Message String published();
    @Message String columns(int count);
    @Message String periodKind(cn.kehou.plugin.api.ReportDefinition.Period period);

    @Message String dashboardTitle();
    @Message String dashboardIntro();
    @Message String totals();
    @Message String byTenant();
    @Message String bySchool();
    @Message String filingsTitle();
    @Message String filingsNone();
    @Message String export();
    @Message String chartParticipation();
    @Message String chartFees();
    @Message String openReports();
    @Message String openDashboard();
    @Message String ownSchools();

    @Message String colTenant();
    @Message String colSchool();
    @Message String colSchools();
    @Message String colEnrolled();
    @Message String colParticipants();
    @Message String colRate();
    @Message String colSessions();
    @Message String colParticipations();
    @Message String colCollected();
    @Message String colWaived();
    @Message String colRefunded();
    @Message String colPlansOnTime();
    @Message String colPlansLate();
    @Message String colPlansOverdue();
    @Message String colPlansPending();
    @Message String colComplaints();
    @Message String colSatisfaction();
    @Message String colTerm();
    @Message String colTermStart();
    @Message String colFiledOn();
    @Message String colStatus();
    @Message String colReason();
    @Message String filingStatus(PlanFilings.Status status);

    @Message String homeDashboard();
    @Message String homeDashboardDetail(int late, int overdue);
    @Message String homeReports();
    @Message String homeReportsDetail(int count);
    @Message String homeFiling(String school, String term);
}
