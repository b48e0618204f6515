package cn.kehou.server.reconciliation;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of a school finance office's settlement and reconciliation pages and a provider's
 * statements, in {@code messages/recon.properties} (zh-CN) and {@code messages/recon_en.properties}.
 * Templates use {@code {recon:key}}; TranslationsTest checks both files.
 */
@MessageBundle("recon")
public interface ReconMsg {

    // Settlement (结算) for a school's finance office
    @Message String settlementsTitle();
    @Message String settlementsIntro();
    @Message String settlementsNone();
    @Message String payoutOf(String period);
    @Message String payoutAmount(String amount);
    @Message String payoutDue(String amount);
    @Message String payoutEntry(String key);
    @Message String payoutCsv();
    @Message String runTitle();
    @Message String runHint();
    @Message String runButton();
    @Message String runDone(String period, int written);
    @Message String period();
    @Message String reconcile();

    // Reconciliation (台账对账)
    @Message String reconTitle();
    @Message String reconIntro();
    @Message String status(SchoolReconciliations.Status status);
    @Message String versionBy(int version, String who, String when);
    @Message String draftVersion(int version);
    @Message String show();
    @Message String noDifferences();
    @Message String differences(int count);
    @Message String kind(LineKind kind);
    @Message String platformFigure();
    @Message String schoolFigure();
    @Message String difference();
    @Message String notEntered();
    @Message String note();
    @Message String noteHint();
    @Message String save();
    @Message String saved();
    @Message String confirmTitle();
    @Message String confirmHint();
    @Message String confirmButton();
    @Message String confirmedText(String who);
    @Message String openPeriod();
    @Message String downloadSheet();
    @Message String versionsTitle();
    @Message String versionNo(int version);
    @Message String figureInvalid();
    @Message String formErrors();
    @Message String supersedes(int version);
    @Message String readOnly();

    // A provider's statements (对账单)
    @Message String statementsTitle();
    @Message String statementsIntro();
    @Message String statementNone();
    @Message String statementLine(String school, String service);
    @Message String statementDetail(int students, int share, int lessons, int sessions);
    @Message String statementPayable(String amount);
    @Message String totalsTitle();
    @Message String totalLessons();
    @Message String totalPayable();
    @Message String totalPaid();
    @Message String notSettled();
    @Message String paidBy(String tenant, String amount);
    @Message String statementCsv();

    // Role homes
    @Message String homeSettlements();
    @Message String homeSettlementsDetail();
    @Message String homeReconciliation(String period);
    @Message String homeReconciliationDetail(SchoolReconciliations.Status status);
    @Message String homeStatement(String period);
    @Message String homeStatementDetail();
}
