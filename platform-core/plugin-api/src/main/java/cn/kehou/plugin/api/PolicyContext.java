package cn.kehou.plugin.api;

import java.time.LocalDate;

/**
 * What every question to a plugin carries: the tenant asking, the school ({@code null} for a
 * tenant-level question such as "which reports are due"), the day the question is about, and
 * this plugin's effective config for the tenant. Everything a rule needs is here; look nothing up.
 */
public record PolicyContext(String tenantCode, SchoolProfile school, LocalDate date, PluginConfig config) {

    public PolicyContext {
        Require.text(tenantCode, "tenantCode");
        Require.present(date, "date");
        Require.present(config, "config");
    }

    /** The school, for questions that are always about one; the host must have passed it. */
    public SchoolProfile requireSchool() {
        if (school == null) {
            throw new IllegalStateException("this question needs a school in the PolicyContext");
        }
        return school;
    }
}
