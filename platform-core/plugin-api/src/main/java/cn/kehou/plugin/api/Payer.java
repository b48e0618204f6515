package cn.kehou.plugin.api;

/** Who bears a cost: a meal, or a fee reduction that is booked rather than dropped. */
public enum Payer {
    PARENTS("家长"),
    SCHOOL("学校"),
    GOVERNMENT("财政");

    public final String zh;

    Payer(String zh) {
        this.zh = zh;
    }
}
