package cn.kehou.plugins.urumqi;

import static cn.kehou.plugins.urumqi.UrumqiConfig.*;

import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.RuleInfo;
import java.util.List;
import java.util.Locale;

/**
 * Every rule of 乌鲁木齐市中小学开展课后服务工作的实施办法（试行）(seed 004) that this plugin
 * decides or explains, with its section. Reasons are made here so each cites its rule; RULES.md
 * maps each constant to the test that proves it.
 */
enum UrumqiRule {
    PUBLIC_NOTICE("004 §二(一)", "服务时间、方式、内容、收费标准、安全保障措施在学校公示栏公布",
            "Time, form, content, fees and safety measures are posted on the school notice board"),
    VOLUNTARY_AGREEMENT("004 §二(二)", "学生、家长自愿选择，并签订自愿服务协议",
            "Families choose freely and sign a voluntary service agreement"),
    NON_PROFIT("004 §二(四)", "课后服务坚持公益性、非营利性，不得以营利为目的（不得商业推广）",
            "Service is public-welfare and non-profit: no commercial promotion"),
    AFTER_SCHOOL_ONLY("004 §三(一)", "课后服务是放学后、针对接送困难家庭的服务（不含午托、晚自习、假期托管）",
            "Service runs after dismissal for families who cannot pick up (no noon, evening or holiday care)",
            SERVICES_OFFERED),
    NOT_AFTER_SCHOOL_SERVICE("004 §三(一)", "校艺术队、体育队和面向全体学生的拓展性课程不属于课后服务",
            "School art and sports teams and whole-school extension courses are not after-school service"),
    PUBLIC_SCHOOLS_ONLY("004 §三(二)", "服务对象为公办中小学校学生", "For students of public schools"),
    DAY_STUDENTS_ONLY("004 §三(二)", "服务对象为走读学生，住校生不参加", "For day students; boarders are not eligible"),
    RURAL_SCHOOLS_BY_COUNTY("004 §三(二)", "农村学校是否开展课后服务由县级人民政府确定",
            "Rural schools run the service only once the county government decides so", RURAL_SCHOOLS_APPROVED),
    PRIORITY_GROUPS("004 §三(二)", "优先保障残疾儿童、留守儿童、困境儿童、随迁子女、家庭经济困难儿童和中低年级学生",
            "Places are guaranteed first to disabled, left-behind, distressed, migrant, low-income and lower-grade children"),
    WEEKDAYS_ONLY("004 §三(三)", "课后服务一般从周一至周五下午放学后开始", "Service runs Monday to Friday", WINDOW_DAYS),
    AT_MOST_TWO_HOURS("004 §三(三)", "原则上每天不得超过2小时", "At most 2 hours a day", WINDOW_MAX_MINUTES),
    NO_EARLY_DISMISSAL("004 §三(三)", "放学后开始，不得提前放学延长课后服务时间",
            "Starts at normal dismissal: no early dismissal to lengthen the service"),
    NO_HOLIDAY_OR_WEEKEND_CARE("004 §三(三)", "办法只规定周一至周五放学后的课后服务，不开展周末和假期托管",
            "Only weekday after-school service: no weekend or holiday care"),
    APPLICATION_FLOW("004 §三(四)", "家长申请、班级初审、学校核准、统筹安排",
            "Parent applies, class reviews, school approves, school arranges"),
    TERM_IS_FIXED_PERIOD("004 §三(四)", "课后服务原则上以一学期为相对固定期", "The term is the fixed enrollment period"),
    CONTENT_BY_GRADE("004 §三(五)", "一、二年级以阅读、实践、手工为主；三年级以上加作业辅导、兴趣小组；初中以作业辅导、答疑为主",
            "Grades 1–2 reading, practice, handcraft; grade 3 up adds homework help and interest groups; junior high homework help and Q&A"),
    NO_WRITTEN_HOMEWORK("004 §三(五)", "不得借课后服务布置书面家庭作业", "No written homework set through the service"),
    NO_COLLECTIVE_TEACHING("004 §三(五)", "严禁以课后服务名义集体教学或“补课”，严禁上新课",
            "No collective teaching, make-up classes or new lessons"),
    STAFF_REGISTERED("004 §四(三)", "参与课后服务工作的人员须先经属地教育行政部门备案",
            "Everyone taking part is registered with the district education bureau first"),
    REMUNERATION_SCHEME_APPROVED("004 §四(四)", "劳务报酬发放办法报属地教育行政部门审核同意后实施",
            "The staff pay scheme applies only once the district education bureau approves it"),
    FEE_CAP("004 §四(五)", "参加课后服务一小时的学生不超过200元/生/学期，按每天服务时长折算",
            "At most 200 CNY per student per term for one hour a day, pro rata to the daily length",
            FEE_CAP_PER_DAILY_HOUR, WINDOW_MAX_MINUTES),
    NO_MATERIAL_SALE("004 §四(五)", "学校统一配置材料，不得推荐、兜售学习材料", "The school supplies materials and may sell none"),
    HARDSHIP_REDUCTION("004 §四(五)", "对经济困难家庭学生可减免相关费用，减免额记入财政承担",
            "Families in hardship pay less; the reduction is booked to the government", HARDSHIP_GROUPS, HARDSHIP_REDUCTION_PERCENT),
    PUBLISH_BEFORE_CHARGING("004 §四(五)", "收费标准、项目、政策依据、监督举报电话经《新疆收费管理信息网》公示后方可收费",
            "No charge before item, amount, legal basis and complaint phone are published on the Xinjiang fee network"),
    BUDGET_MANAGEMENT("004 §四(五)", "收取的课后服务费纳入预算管理", "Fees collected go under budget management"),
    YEARLY_RECOSTING("004 §五(一)", "每一年对课后服务收费进行一次成本核算", "Fees are re-costed every year", FEE_RECOSTING_MONTHS),
    REFUND_PRO_RATA("004 §五(一)", "财政部门做好收费收缴退费工作：未提供的服务按次退费",
            "Refunds through the finance bureau: sessions not delivered are refunded pro rata"),
    SERVICE_RECORDS("004 §五(一)", "对每种课后服务的人数、内容、时间、形式进行档案资料留存",
            "Keep records of head-count, content, time and form of every service"),
    RESPONSIBILITY_LETTERS("004 §五(一)", "以责任书、承诺书等形式明确课后服务责任",
            "Responsibilities are set out in responsibility letters and commitments");

    final String citation;
    final String summaryZh;
    final String summaryEn;
    final List<String> configKeys;

    UrumqiRule(String citation, String summaryZh, String summaryEn, String... configKeys) {
        this.citation = citation;
        this.summaryZh = summaryZh;
        this.summaryEn = summaryEn;
        this.configKeys = List.of(configKeys);
    }

    Reason reason(String code, String messageZh, String messageEn) {
        return new Reason(code, messageZh, messageEn, citation);
    }

    RuleInfo info() {
        return new RuleInfo("urumqi." + name().toLowerCase(Locale.ROOT).replace('_', '-'),
                summaryZh, summaryEn, citation, configKeys);
    }
}
