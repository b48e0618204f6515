package cn.kehou.server.settlement;

import cn.kehou.server.jobs.SingleRun;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * Settles last month for every tenant, once per month across all server instances: the tick
 * {@code settlement:<month>} is claimed in job_run (SingleRun.claim) at a slot fixed by the month,
 * so whichever instance checks first after the month ended runs it and the others skip. Each
 * tenant's run is idempotent anyway (SettlementRun), so a crash mid-way is finished by the API.
 */
@ApplicationScoped
public class MonthlySettlement {

    private static final Logger LOG = Logger.getLogger(MonthlySettlement.class);

    @Inject
    SingleRun singleRun;
    @Inject
    TenantScope scope;
    @Inject
    SettlementRun run;
    @Inject
    Clock clock;

    @ConfigProperty(name = "kehou.settlement.scheduled", defaultValue = "true")
    boolean scheduled;

    @Scheduled(every = "${kehou.settlement.check-every:1h}", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        if (scheduled) {
            settleAt(clock.instant());
        }
    }

    /** @return the month settled at {@code now}, or null when another instance already claimed it. */
    public YearMonth settleAt(Instant now) {
        YearMonth month = YearMonth.from(now.atZone(SettlementRun.CHINA));
        YearMonth last = month.minusMonths(1);
        Instant slot = month.atDay(1).atStartOfDay(SettlementRun.CHINA).toInstant();
        if (!singleRun.claim("settlement:" + last, slot, Duration.ofDays(1))) {
            return null;
        }
        List<Tenant> tenants = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>listAll());
        for (Tenant t : tenants) {
            try {
                scope.callAs(t, false, () -> run.run(t.id, last, "settlement-job"));
            } catch (RuntimeException e) {
                LOG.errorf(e, "settlement of %s for %s failed; run it again through the API", t.code, last);
            }
        }
        return last;
    }
}
