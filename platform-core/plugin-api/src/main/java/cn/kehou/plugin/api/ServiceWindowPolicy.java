package cn.kehou.plugin.api;

import org.pf4j.ExtensionPoint;

/** When service may run: days of the week, daily length, seasonal end times, start after dismissal. */
public interface ServiceWindowPolicy extends ExtensionPoint {

    /** Checks one kind's window on {@code ctx.date()} at {@code ctx.school()} (never null here). */
    Decision check(PolicyContext ctx, ServiceSession session);

    /** The rules {@link #check} applies to {@code kind} on {@code ctx.date()}; the school may be null. */
    WindowRules rulesFor(PolicyContext ctx, ServiceKind kind);
}
