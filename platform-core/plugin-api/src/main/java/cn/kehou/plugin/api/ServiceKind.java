package cn.kehou.plugin.api;

/** The kinds of service a school may run; each region decides which it offers and when. */
public enum ServiceKind {
    /** 基础托管: reading, homework, questions, run by the school's teachers. */
    BASIC_CARE("基础托管"),
    /** 素质拓展: non-academic courses, by the school or a vetted provider. */
    QUALITY_COURSE("素质拓展"),
    /** 午托: from morning dismissal to afternoon classes. */
    NOON_CARE("午托"),
    /** 延时托管: later pickup for families who need it (弹性离校). */
    EXTENDED_CARE("延时托管"),
    /** 晚自习: weekday evening self-study, junior high. */
    EVENING_SELF_STUDY("晚自习"),
    /** 假期托管: in-school care during holidays. */
    HOLIDAY_CARE("假期托管"),
    /** 免费辅导: free tutoring for students who struggle. */
    FREE_TUTORING("免费辅导");

    public final String zh;

    ServiceKind(String zh) {
        this.zh = zh;
    }
}
