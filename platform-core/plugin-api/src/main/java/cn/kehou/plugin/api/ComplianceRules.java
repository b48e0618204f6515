package cn.kehou.plugin.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.pf4j.ExtensionPoint;

/** Filing, publication and content rules, and the recurring duties a region imposes. */
public interface ComplianceRules extends ExtensionPoint {

    /**
     * Whether a school's term plan was filed (or approved, if {@code approved}) in time for a term
     * starting {@code termStart}; {@code filedOrApprovedOn} is null when nothing was filed yet.
     */
    Decision checkPlanFiling(PolicyContext ctx, LocalDate termStart, LocalDate filedOrApprovedOn, boolean approved);

    /** Whether a school may start charging, given what it has already published. */
    Decision checkFeePublication(PolicyContext ctx, Set<PublicationItem> published);

    /** Whether a course's content may be offered in service time. */
    Decision checkContent(PolicyContext ctx, CourseContent content);

    /** Recurring and one-off duties; the school may be null. */
    List<ComplianceDuty> duties(PolicyContext ctx);
}
