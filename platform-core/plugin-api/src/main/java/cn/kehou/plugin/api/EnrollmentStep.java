package cn.kehou.plugin.api;

/** A step of a region's enrollment flow, in the order the region lists them. */
public enum EnrollmentStep {
    APPLY("家长申请"),
    CLASS_REVIEW("班级初审"),
    SCHOOL_REVIEW("学校审核/核准"),
    PUBLISH_RESULT("公布审核结果"),
    CONFIRM("家长确认"),
    SIGN_AGREEMENT("签订协议"),
    PAY("缴费"),
    ARRANGE("统筹安排");

    public final String zh;

    EnrollmentStep(String zh) {
        this.zh = zh;
    }
}
