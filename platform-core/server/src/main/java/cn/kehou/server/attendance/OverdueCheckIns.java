package cn.kehou.server.attendance;

import cn.kehou.server.catalog.OfferedService;
import cn.kehou.server.jobs.SingleRun;
import cn.kehou.server.notices.Notices;
import cn.kehou.server.tenancy.School;
import cn.kehou.server.tenancy.Tenant;
import cn.kehou.server.tenancy.TenantScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every minute, on one instance: a child on a session's roster who is neither checked in nor
 * reported absent {@code kehou.attendance.overdue-minutes} after the session started is missing
 * from the service — its guardians and the school's class teachers get a notice at once (once per
 * child and session). Driven by the time it is given, so a test can run it at any moment.
 */
@ApplicationScoped
public class OverdueCheckIns {

    @Inject
    SingleRun singleRun;
    @Inject
    TenantScope scope;
    @Inject
    Rosters rosters;
    @Inject
    People people;
    @Inject
    Notices notices;
    @Inject
    Clock clock;

    @ConfigProperty(name = "kehou.attendance.overdue-minutes", defaultValue = "15")
    int overdueMinutes;

    @Scheduled(every = "60s", delayed = "50s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyMinute() {
        raiseAt(ZonedDateTime.now(clock));
    }

    /** @return notices sent, across all tenants. */
    public int raiseAt(ZonedDateTime now) {
        Integer total = singleRun.ifFree("attendance-overdue-check-ins", () -> {
            List<Tenant> tenants = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>listAll());
            int n = 0;
            for (Tenant t : tenants) {
                n += scope.callAs(t, false, () -> raiseIn(t, now));
            }
            return n;
        });
        return total == null ? 0 : total;
    }

    private int raiseIn(Tenant tenant, ZonedDateTime now) {
        LocalDate date = now.toLocalDate();
        LocalTime time = now.toLocalTime();
        int sent = 0;
        for (School school : School.<School>list("tenantId", tenant.id)) {
            List<String> classTeachers = people.atSchool(school.id, "class-teacher");
            for (OfferedService s : rosters.sessionsOn(school, date)) {
                if (time.isBefore(s.start.plusMinutes(overdueMinutes)) || !time.isBefore(s.end)) {
                    continue;
                }
                for (Rosters.ChildRow c : rosters.roster(s, date).children()) {
                    if (c.status() != Rosters.Status.EXPECTED) {
                        continue;
                    }
                    Set<String> told = new LinkedHashSet<>(people.guardians(c.child()));
                    told.addAll(classTeachers);
                    sent += notices.send(tenant.id, told, new Notices.Notice("CHECK_IN_OVERDUE",
                            c.name() + " 未到" + s.titleZh,
                            c.name() + "（" + c.className() + "）" + date + " " + s.start + " 开始的" + s.titleZh + "（" + s.venue
                                    + "）已开始 " + overdueMinutes + " 分钟，仍未签到，也未请假。请立即核实孩子的去向。",
                            null, school.id,
                            "check-in-overdue:" + s.id + ":" + date + ":" + c.child()));
                }
            }
        }
        return sent;
    }
}
