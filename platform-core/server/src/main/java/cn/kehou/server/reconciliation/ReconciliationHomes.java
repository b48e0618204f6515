package cn.kehou.server.reconciliation;

import cn.kehou.server.portal.PortalLanguage;
import cn.kehou.server.portal.PortalPath;
import cn.kehou.server.portal.Waiting;
import cn.kehou.server.settlement.SettlementRun;
import cn.kehou.server.tenancy.School;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

/**
 * What settlement and reconciliation put on the role homes (portal.Homes): a school finance office's
 * payouts and last month's reconciliation with its state; a provider admin's last month's statement.
 */
@RequestScoped
public class ReconciliationHomes {

    @Inject
    PortalLanguage language;
    @Inject
    SchoolReconciliations reconciliations;
    @Inject
    Clock clock;

    public Waiting finance(String tenantCode, School school) {
        ReconMsg msg = msg();
        YearMonth last = lastMonth();
        String settlements = PortalPath.PREFIX + tenantCode + "/schools/" + school.code + "/settlements";
        String reconciliation = PortalPath.PREFIX + tenantCode + "/schools/" + school.code + "/reconciliations/" + last;
        return new Waiting(Waiting.Kind.REPORTS, List.of(
                new Waiting.Item(msg.homeSettlements(), msg.homeSettlementsDetail(), settlements),
                new Waiting.Item(msg.homeReconciliation(last.toString()), msg.homeReconciliationDetail(reconciliations.status(school, last)),
                        reconciliation)), reconciliation);
    }

    public Waiting provider(String tenantCode, String providerCode) {
        ReconMsg msg = msg();
        YearMonth last = lastMonth();
        String url = PortalPath.PREFIX + tenantCode + "/providers/" + providerCode + "/statements/" + last;
        return new Waiting(Waiting.Kind.CONTRACTS, List.of(new Waiting.Item(msg.homeStatement(last.toString()), msg.homeStatementDetail(),
                url)), url);
    }

    private YearMonth lastMonth() {
        return YearMonth.now(clock.withZone(SettlementRun.CHINA)).minusMonths(1);
    }

    private ReconMsg msg() {
        return language.get().english() ? MessageBundles.get(ReconMsg.class, Localized.Literal.of(language.get().tag()))
                : MessageBundles.get(ReconMsg.class);
    }
}
