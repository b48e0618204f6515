package cn.kehou.plugin.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A yes or no with its reasons. A business "no" is a refusal value, never an exception; a
 * refusal always has at least one reason. Reasons on an allowed decision are notes for the user.
 * Report every broken rule, not just the first: collect them and use {@link #refuseIfAny}.
 */
public record Decision(boolean allowed, List<Reason> reasons) {

    public Decision {
        reasons = List.copyOf(Require.noNulls(reasons, "reasons"));
        if (!allowed && reasons.isEmpty()) {
            throw new IllegalArgumentException("a refusal must give at least one reason");
        }
    }

    /** Allowed, optionally with notes. */
    public static Decision allow(Reason... notes) {
        return new Decision(true, Arrays.asList(notes));
    }

    /** Refused for one or more reasons. */
    public static Decision refuse(Reason reason, Reason... more) {
        List<Reason> all = new ArrayList<>();
        all.add(reason);
        all.addAll(Arrays.asList(more));
        return new Decision(false, all);
    }

    /** Allowed when {@code refusals} is empty, otherwise refused with all of them. */
    public static Decision refuseIfAny(List<Reason> refusals) {
        return new Decision(refusals.isEmpty(), refusals);
    }

    /** Allowed only if both are; keeps the reasons of both. */
    public Decision and(Decision other) {
        List<Reason> all = new ArrayList<>(reasons);
        all.addAll(other.reasons);
        return new Decision(allowed && other.allowed, all);
    }

    public boolean refused() {
        return !allowed;
    }
}
