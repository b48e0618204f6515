package cn.kehou.plugin.api;

import java.time.Month;
import java.util.Set;

/**
 * Something a school or bureau must do, and when: the host turns duties into reminders and
 * deadlines. {@code months} narrows a recurrence (e.g. a report due in March and September).
 */
public record ComplianceDuty(
        String code, String titleZh, String titleEn, Recurrence recurrence, Set<Month> months, String citation) {

    public enum Recurrence {
        BEFORE_TERM, BEFORE_SERVICE, BEFORE_CHARGING, PER_SERVICE, MONTHLY, TERMLY, YEARLY
    }

    public ComplianceDuty {
        Require.text(code, "code");
        Require.text(titleZh, "titleZh");
        Require.text(titleEn, "titleEn");
        Require.present(recurrence, "recurrence");
        months = Set.copyOf(Require.noNulls(months, "months"));
        Require.text(citation, "citation");
    }
}
