package cn.kehou.plugin.api;

/** Groups of students a region may guarantee a place or a fee reduction. */
public enum PriorityGroup {
    LEFT_BEHIND("留守儿童"),
    MIGRANT("随迁子女"),
    REGISTERED_POOR("建档立卡"),
    MINIMUM_ALLOWANCE("低保"),
    /** 家庭经济困难 as certified locally, beyond 建档立卡 and 低保 (004 names it on its own). */
    ECONOMIC_HARDSHIP("家庭经济困难"),
    DISABLED("残疾儿童"),
    IN_DISTRESS("困境儿童"),
    LOWER_GRADE("低年级");

    public final String zh;

    PriorityGroup(String zh) {
        this.zh = zh;
    }
}
