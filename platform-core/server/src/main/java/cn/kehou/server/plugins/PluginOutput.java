package cn.kehou.server.plugins;

import cn.kehou.plugin.api.Decision;
import cn.kehou.plugin.api.FeeDecision;
import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.ReportDefinition;
import cn.kehou.plugin.api.ReportTable;
import cn.kehou.plugin.api.WindowRules;
import cn.kehou.server.problem.ProblemException;

import java.time.LocalTime;

/**
 * The host's checks on what a plugin returns. A plugin is code from an integrator: its answers are
 * validated before they reach a user or the books, and a bad one is refused as PLUGIN_FAILED.
 * (One name per result type: overloads would be ambiguous around {@code RegionPolicies.ask}'s lambdas.)
 */
public final class PluginOutput {

    private PluginOutput() {
    }

    public static Decision decision(Decision d) {
        for (Reason r : d.reasons()) {
            if (r.code() == null || r.code().isBlank() || r.citation() == null || r.citation().isBlank()) {
                throw bad("a reason without a code or citation");
            }
        }
        return d;
    }

    public static WindowRules window(WindowRules w) {
        if (w.minMinutes() > 24 * 60 || (w.maxMinutes() != null && w.maxMinutes() > 24 * 60)) {
            throw bad("a daily length beyond one day for " + w.kind());
        }
        if (w.earliestEnd() != null && w.latestEnd() != null && w.latestEnd().isBefore(w.earliestEnd())) {
            throw bad("a window whose latest end is before its earliest end for " + w.kind());
        }
        if (w.earliestEnd() != null && w.earliestEnd().equals(LocalTime.MIDNIGHT)) {
            throw bad("a window ending at midnight for " + w.kind());
        }
        return w;
    }

    public static FeeDecision fee(FeeDecision f) {
        if (f.priceFen() < 0 || f.chargeFen() < 0 || f.waivers().stream().anyMatch(w -> w.amountFen() < 0)) {
            throw bad("a negative amount");
        }
        return f;
    }

    public static ReportTable report(ReportDefinition definition, ReportTable table) {
        if (!table.columns().containsAll(definition.columns().stream().map(c -> c.key()).toList())) {
            throw bad("report " + definition.code() + " lacks declared columns");
        }
        return table;
    }

    private static ProblemException bad(String what) {
        return new ProblemException(500, "PLUGIN_FAILED", "?", "the plugin returned " + what);
    }
}
