package cn.kehou.plugin.api;

import org.pf4j.ExtensionPoint;

/** Who may enroll, through which steps, for how long, signing what. */
public interface EnrollmentRules extends ExtensionPoint {

    /** The school may be null. */
    EnrollmentTerms terms(PolicyContext ctx);

    /** Whether this student may enroll at {@code ctx.school()} (never null here). */
    Decision eligible(PolicyContext ctx, StudentProfile student);
}
