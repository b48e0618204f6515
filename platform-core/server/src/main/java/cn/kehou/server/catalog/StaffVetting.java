package cn.kehou.server.catalog;

import java.time.Duration;
import cn.kehou.server.jobs.SingleRun;
import cn.kehou.server.tenancy.AuditLog;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantScope;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Nobody unvetted runs a service (001 十严禁; 004 §四(一)): when a person's vetting is withdrawn or
 * refused they are taken off every service at once, and every night the people whose vetting
 * expired are taken off too, tenant by tenant.
 */
@ApplicationScoped
public class StaffVetting {

    private static final Logger LOG = Logger.getLogger(StaffVetting.class);

    @Inject
    TenantScope scope;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    SingleRun singleRun;

    /** Takes {@code staff} off every service, in the caller's transaction; returns how many. */
    int unassign(StaffMember staff, String actor, String why) {
        List<ServiceStaff> rows = ServiceStaff.list("staffId", staff.id);
        for (ServiceStaff row : rows) {
            row.delete();
        }
        if (!rows.isEmpty()) {
            audit.record(staff.tenantId, actor, "staff.unassign", "staff:" + staff.id,
                    Map.of("why", why, "services", rows.stream().map(r -> r.serviceId.toString()).toList()));
        }
        return rows.size();
    }

    /**
     * Every tenant, each in its own transaction: unassigns people whose vetting lapsed by today. One
     * server instance runs it ({@link SingleRun}); the others skip.
     */
    @Scheduled(cron = "0 10 0 * * ?", timeZone = "Asia/Shanghai", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void unassignLapsedEverywhere() {
        if (!singleRun.claim("staff-vetting-lapse", clock.instant(), Duration.ofDays(1))) {
            return; // another instance has today's run
        }
        LocalDate today = LocalDate.now(clock);
        Integer total = singleRun.ifFree("staff-vetting-lapse", () -> {
            int sum = 0;
            // The tenant tree is global: read it with no tenant set, then act in each tenant in turn.
            for (Tenant tenant : Tenant.<Tenant>list("order by code")) {
                sum += scope.callAs(tenant, false, () -> unassignLapsedHere(today));
            }
            return sum;
        });
        if (total != null) {
            LOG.infof("staff whose vetting lapsed taken off services: %d", total);
        }
    }

    /** In the current tenant: unassigns everyone not vetted on {@code day}. */
    int unassignLapsedHere(LocalDate day) {
        List<StaffMember> lapsed = StaffMember.list(
                "id in (select s.staffId from ServiceStaff s) and (status <> ?1 or validTo is null or validTo < ?2)",
                StaffMember.Status.APPROVED, day);
        int total = 0;
        for (StaffMember m : lapsed) {
            total += unassign(m, "system", m.status == StaffMember.Status.APPROVED ? "vetting expired on " + m.validTo
                    : "vetting " + m.status);
        }
        return total;
    }
}
