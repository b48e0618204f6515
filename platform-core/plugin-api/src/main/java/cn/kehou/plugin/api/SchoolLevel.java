package cn.kehou.plugin.api;

/** School level; grades are numbered 1–9 across compulsory education (初中 = 7–9). */
public enum SchoolLevel {
    PRIMARY("小学", 1, 6),
    JUNIOR("初中", 7, 9),
    NINE_YEAR("九年一贯制", 1, 9);

    public final String zh;
    public final int firstGrade;
    public final int lastGrade;

    SchoolLevel(String zh, int firstGrade, int lastGrade) {
        this.zh = zh;
        this.firstGrade = firstGrade;
        this.lastGrade = lastGrade;
    }

    public boolean teaches(int grade) {
        return grade >= firstGrade && grade <= lastGrade;
    }
}
