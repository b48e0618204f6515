package cn.kehou.server.reconciliation;

import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.catalog.Provider;
import cn.kehou.server.ledger.Account;
import cn.kehou.server.settlement.SettlementRun;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A provider's statement (对账单) for one month, as its own administrator reads it: per service it
 * runs (in the tenant and the districts below it), the children billed, the contracted share of the
 * price (the provider's payable booked at billing ÷ the price), the lessons delivered in the month
 * and what they earn — computed as the settlement run computes them — and per tenant what the
 * settlement run actually paid. A provider's role is held at a city while its courses run in the
 * city's districts, so the statement reads the tenant's subtree; every query is filtered to this
 * one provider, and nothing is written.
 */
@ApplicationScoped
public class ProviderStatements {

    @Inject
    EntityManager em;
    @Inject
    SettlementRun settlement;
    @Inject
    TenantScope scope;

    public record Line(String tenant, String school, String schoolName, UUID service, String serviceTitle, int students,
                       long termPriceFen, long termPayableFen, int sharePercent, int sessionsTotal, int lessons, long payableFen) {
    }

    public record Payout(String tenant, String tenantName, int lessons, long dueFen, long paidFen, String entryKey) {
    }

    public record Statement(String provider, String providerName, String period, String tenant, int lessons, long payableFen,
                            long paidFen, boolean settled, List<Line> lines, List<Payout> payouts) {
    }

    public Statement of(Tenant here, Provider provider, YearMonth period) {
        return scope.callAs(here, true, () -> build(here, provider, period));
    }

    @SuppressWarnings("unchecked")
    private Statement build(Tenant here, Provider provider, YearMonth period) {
        String payable = Account.PROVIDER_PAYABLE.code(provider.id.toString());
        List<OfferedService> services = OfferedService.list("providerId = ?1 and validFrom <= ?2 and validTo >= ?3",
                provider.id, period.atEndOfMonth(), period.atDay(1));
        List<Line> lines = new ArrayList<>();
        for (OfferedService s : services) {
            Object[] billed = (Object[]) em.createNativeQuery("""
                            SELECT count(*), COALESCE(sum(price_fen), 0), COALESCE(sum(COALESCE((payables ->> ?2)::bigint, 0)), 0),
                                   COALESCE(max(sessions_total), 0)
                            FROM order_line WHERE tenant_id = ?3 AND service_id = ?1""")
                    .setParameter(1, s.id).setParameter(2, payable).setParameter(3, s.tenantId).getSingleResult();
            long price = ((Number) billed[1]).longValue();
            long contracted = ((Number) billed[2]).longValue();
            int lessons = settlement.lessons(s, period.atDay(1), period.atEndOfMonth());
            long earned = settlement.earned(s, period.atDay(1), period.atEndOfMonth()).values().stream().mapToLong(Long::longValue).sum();
            School school = School.findById(s.schoolId);
            Tenant t = Tenant.findById(s.tenantId);
            lines.add(new Line(t == null ? "" : t.code, school == null ? "" : school.code, school == null ? "" : school.nameZh, s.id,
                    s.titleZh, ((Number) billed[0]).intValue(), price, contracted,
                    price == 0 ? 0 : (int) Math.round(contracted * 100.0 / price), ((Number) billed[3]).intValue(), lessons, earned));
        }
        lines.sort(Comparator.comparing(Line::tenant).thenComparing(Line::schoolName).thenComparing(Line::serviceTitle)
                .thenComparing(l -> l.service().toString()));
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT t.code, t.name_zh, p.lessons, p.due_fen, p.amount_fen, p.entry_key FROM settlement_payout p
                        JOIN tenant t ON t.id = p.tenant_id
                        WHERE p.recipient_id = ?1 AND p.period = ?2 ORDER BY t.code""")
                .setParameter(1, provider.id).setParameter(2, period.toString()).getResultList();
        List<Payout> payouts = rows.stream().map(r -> new Payout((String) r[0], (String) r[1], ((Number) r[2]).intValue(),
                ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), (String) r[5])).toList();
        return new Statement(provider.code, provider.nameZh, period.toString(), here.code,
                lines.stream().mapToInt(Line::lessons).sum(), lines.stream().mapToLong(Line::payableFen).sum(),
                payouts.stream().mapToLong(Payout::paidFen).sum(), !payouts.isEmpty(), lines, payouts);
    }
}
