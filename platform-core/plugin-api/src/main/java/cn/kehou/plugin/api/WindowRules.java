package cn.kehou.plugin.api;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * The window rules for one service kind on one day, for explanation and for the host's forms.
 * {@code null} means "no such rule": {@code maxMinutes}, {@code earliestEnd}, {@code latestEnd},
 * {@code countedPeriods} (how many class periods, 课时, one day counts as for pay and billing).
 * A rule may depend on the school (a rural-town exemption, say): then pass the school in the context.
 */
public record WindowRules(
        ServiceKind kind,
        boolean offered,
        Set<DayOfWeek> days,
        int minMinutes,
        Integer maxMinutes,
        boolean startsAfterDismissal,
        LocalTime earliestEnd,
        LocalTime latestEnd,
        Integer countedPeriods,
        List<String> citations) {

    public WindowRules {
        Require.present(kind, "kind");
        days = Set.copyOf(Require.noNulls(days, "days"));
        Require.notNegative(minMinutes, "minMinutes");
        if (maxMinutes != null && maxMinutes < minMinutes) {
            throw new IllegalArgumentException("maxMinutes below minMinutes");
        }
        citations = List.copyOf(Require.noNulls(citations, "citations"));
    }

    /** The kind is not run in this region at all. */
    public static WindowRules notOffered(ServiceKind kind, String citation) {
        return new WindowRules(kind, false, Set.of(), 0, null, false, null, null, null, List.of(citation));
    }
}
