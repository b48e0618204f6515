package cn.kehou.server.plugins;

import cn.kehou.plugin.api.Decision;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.ServiceSession;
import cn.kehou.plugin.api.ServiceWindowPolicy;
import cn.kehou.server.problem.ProblemException;
import cn.kehou.server.tenancy.School;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a service window at a school on every service day of a date range, each day against the
 * policy in force that day: seasonal rules and policy changes both fall between two days.
 */
@ApplicationScoped
public class ScheduleCheck {

    /** The longest range checked day by day (a school year and a bit). */
    public static final int MAX_DAYS = 400;

    @Inject
    RegionPolicies policies;

    /** A refusal on one date, with the plugin's reasons. */
    public record DayRefusal(LocalDate date, List<Reason> reasons) {
    }

    public record Verdict(boolean allowed, int daysChecked, List<DayRefusal> refusals) {
        /** The first refusal as a problem a user can read: the plugin's code, text and citation. */
        public ProblemException asProblem() {
            Reason r = refusals.get(0).reasons().get(0);
            return ProblemException.withText(422, r.code(), r.messageZh() + "（" + refusals.get(0).date() + " 起）",
                    r.messageEn() + " (from " + refusals.get(0).date() + ")", r.citation());
        }
    }

    public Verdict check(RegionPolicies.Timeline timeline, School school, ServiceSession session, Set<DayOfWeek> days,
                         LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new ProblemException(400, "DATE_RANGE_INVALID", MAX_DAYS);
        }
        List<DayRefusal> refusals = new ArrayList<>();
        int checked = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!days.contains(d.getDayOfWeek())) {
                continue;
            }
            checked++;
            RegionPolicies.Resolution r = timeline.on(d);
            if (!r.ready()) {
                throw new ProblemException(503, "TENANT_NOT_READY", r.tenantCode(), r.problem() + " (on " + d + ")");
            }
            PolicyContext ctx = policies.context(r, school, d);
            Decision decision = policies.ask(r, ServiceWindowPolicy.class, p -> p.check(ctx, session));
            PluginOutput.decision(decision);
            if (!decision.allowed()) {
                refusals.add(new DayRefusal(d, decision.reasons()));
            }
        }
        return new Verdict(refusals.isEmpty(), checked, refusals);
    }
}
