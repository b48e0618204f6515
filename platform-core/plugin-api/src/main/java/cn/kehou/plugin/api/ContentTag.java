package cn.kehou.plugin.api;

/** What a course or activity contains; the host tags courses, regions forbid or favour tags. */
public enum ContentTag {
    READING("课外阅读"),
    HOMEWORK("自主完成作业"),
    HOMEWORK_TUTORING("作业辅导"),
    QUESTION_ANSWERING("答疑解惑"),
    PRACTICE("实践活动"),
    HANDCRAFT("手工操作"),
    INTEREST_GROUP("兴趣小组"),
    CLUB("社团活动"),
    SPORTS("体育"),
    ARTS("艺术/美育"),
    SCIENCE("科普"),
    TECHNOLOGY("科技"),
    MENTAL_HEALTH("心理健康"),
    GAMES("娱乐游戏"),
    FILM("观看适宜影片"),
    THEMED_EDUCATION("专题教育"),
    NEW_LESSON("上新课"),
    COLLECTIVE_TEACHING("集体教学/补课"),
    ACADEMIC_SUBJECT("学科类培训"),
    WRITTEN_HOMEWORK_SET("布置书面家庭作业"),
    MATERIAL_SALE("推荐、兜售学习材料"),
    COMMERCIAL_PROMOTION("商业推广"),
    SCHOOL_TEAM_TRAINING("校艺术队/体育队训练"),
    WHOLE_SCHOOL_COURSE("面向全体学生的拓展性课程");

    public final String zh;

    ContentTag(String zh) {
        this.zh = zh;
    }
}
