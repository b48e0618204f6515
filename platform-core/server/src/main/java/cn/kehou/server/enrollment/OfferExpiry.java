package cn.kehou.server.enrollment;

import java.time.Duration;
import cn.kehou.server.jobs.SingleRun;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** Every minute, on one instance: waitlist offers past their deadline pass to the next child. */
@ApplicationScoped
public class OfferExpiry {

    @Inject
    SingleRun singleRun;
    @Inject
    TenantScope scope;
    @Inject
    Enrollment enrollment;
    @Inject
    Clock clock;

    @Scheduled(every = "60s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyMinute() {
        // Every instance ticks; the first to claim this minute runs it.
        if (singleRun.claim("enrollment-offer-expiry", clock.instant(), Duration.ofMinutes(1))) {
            expireAt(OffsetDateTime.now(clock));
        }
    }

    /** @return offers expired, across all tenants. */
    public int expireAt(OffsetDateTime now) {
        Integer total = singleRun.ifFree("enrollment-offer-expiry", () -> {
            List<Tenant> tenants = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>listAll());
            int n = 0;
            for (Tenant t : tenants) {
                n += scope.callAs(t, false, () -> enrollment.expireOffers(now));
            }
            return n;
        });
        return total == null ? 0 : total;
    }
}
