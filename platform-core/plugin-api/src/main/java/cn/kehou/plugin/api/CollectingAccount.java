package cn.kehou.plugin.api;

/** The account a family's payment is collected into. */
public enum CollectingAccount {
    /** 平台专账: the city platform's dedicated account (000). */
    PLATFORM_DEDICATED_ACCOUNT("平台专账"),
    /** 学校财务专户: the school's dedicated finance account (002). */
    SCHOOL_FINANCE_ACCOUNT("学校财务专户"),
    /** 纳入预算管理: public revenue under budget management (004). */
    BUDGET_MANAGEMENT("纳入预算管理");

    public final String zh;

    CollectingAccount(String zh) {
        this.zh = zh;
    }
}
