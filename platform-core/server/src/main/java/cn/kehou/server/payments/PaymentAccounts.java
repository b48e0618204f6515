package cn.kehou.server.payments;

import cn.kehou.plugin.api.CollectingAccount;
import cn.kehou.plugin.api.FundsRoute;
import cn.kehou.plugin.api.Payer;
import cn.kehou.server.ledger.Account;
import cn.kehou.server.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The ledger accounts payments post to, named once: a family's receivable per order line, the
 * collecting account the region's FundsFlow names, each recipient's payable, the bearer of a
 * waiver, refunds owed per order and the gateway's clearing account.
 */
@ApplicationScoped
public class PaymentAccounts {

    @Inject
    EntityManager em;

    static String receivable(UUID lineId) {
        return Account.PARENT_RECEIVABLE.code(lineId.toString());
    }

    static String refunds(UUID orderId) {
        return Account.REFUNDS_PAYABLE.code(orderId.toString());
    }

    static String clearing(String gateway) {
        return Account.GATEWAY_CLEARING.code(gateway);
    }

    /** 000: the platform's dedicated account; 002: each school's own finance account; 004: the budget. */
    static String collecting(CollectingAccount account, UUID schoolId) {
        return Account.COLLECTING.code(account == CollectingAccount.SCHOOL_FINANCE_ACCOUNT
                ? account.name() + "." + schoolId : account.name());
    }

    /** Who finally receives a share of a fee. */
    static String payable(FundsRoute.Recipient recipient, UUID schoolId, UUID providerId, String pluginId) {
        return switch (recipient) {
            case SCHOOL -> Account.SCHOOL_PAYABLE.code(schoolId.toString());
            case PROVIDER -> {
                if (providerId == null) {
                    throw new ProblemException(500, "PLUGIN_FAILED", pluginId, "a route pays a provider for a school's own service");
                }
                yield Account.PROVIDER_PAYABLE.code(providerId.toString());
            }
            case TREASURY -> Account.TREASURY_PAYABLE.name();
            case PLATFORM -> Account.PLATFORM_PAYABLE.name();
        };
    }

    /** A waiver is owed by whoever bears it: the government (财政) or the school's own public funds. */
    static String waiverBearer(Payer payer, UUID schoolId) {
        return Account.GOVERNMENT_RECEIVABLE.code((payer == Payer.SCHOOL ? "SCHOOL." : "FISCAL.") + schoolId);
    }

    /** Each account's balance, debit minus credit, for the current tenant. */
    @SuppressWarnings("unchecked")
    Map<String, Long> balances(UUID tenantId, Collection<String> codes) {
        Map<String, Long> out = new HashMap<>();
        codes.forEach(c -> out.put(c, 0L));
        if (codes.isEmpty()) {
            return out;
        }
        List<Object[]> rows = em.createNativeQuery("SELECT account_code, sum(debit_fen - credit_fen) FROM journal_line"
                        + " WHERE tenant_id = ?1 AND account_code IN (?2) GROUP BY account_code")
                .setParameter(1, tenantId).setParameter(2, codes).getResultList();
        rows.forEach(r -> out.put((String) r[0], ((Number) r[1]).longValue()));
        return out;
    }

    long balance(UUID tenantId, String code) {
        return balances(tenantId, List.of(code)).get(code);
    }
}
