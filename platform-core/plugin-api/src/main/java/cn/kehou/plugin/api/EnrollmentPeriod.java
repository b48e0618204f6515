package cn.kehou.plugin.api;

/** How long one enrollment binds. */
public enum EnrollmentPeriod {
    /** 以一学期为相对固定期: the term is the fixed period (004). */
    TERM_FIXED,
    /** Courses and choices renew each term, changes in between allowed (000). */
    TERM_RENEWED,
    /** Join and leave at any time. */
    ROLLING
}
