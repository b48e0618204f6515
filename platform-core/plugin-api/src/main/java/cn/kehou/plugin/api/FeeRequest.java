package cn.kehou.plugin.api;

import java.time.LocalDate;
import java.util.Set;

/**
 * A proposed per-term fee for one student: the service, the amount in fen, the service's minutes
 * per day, the student's priority groups, whether a third-party provider runs it and that
 * provider's off-campus price for the same course (null if none), and the day the fee was last
 * costed (成本核算; null if never).
 */
public record FeeRequest(
        ServiceKind kind,
        long proposedPerTermFen,
        int dailyMinutes,
        Set<PriorityGroup> priorityGroups,
        boolean providerCourse,
        Long providerOffCampusFen,
        LocalDate costedOn) {

    public FeeRequest {
        Require.present(kind, "kind");
        Require.notNegative(proposedPerTermFen, "proposedPerTermFen");
        Require.notNegative(dailyMinutes, "dailyMinutes");
        priorityGroups = Set.copyOf(Require.noNulls(priorityGroups, "priorityGroups"));
        if (providerOffCampusFen != null) {
            Require.notNegative(providerOffCampusFen, "providerOffCampusFen");
        }
    }
}
