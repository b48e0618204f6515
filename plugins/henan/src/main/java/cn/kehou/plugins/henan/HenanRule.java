package cn.kehou.plugins.henan;

import static cn.kehou.plugins.henan.HenanConfig.*;

import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.RuleInfo;
import java.util.List;
import java.util.Locale;

/**
 * Every rule of 中小学生课后服务工作实施意见 (seed 002, a Henan city's county-level rules) that this
 * plugin decides or explains, with its section. Reasons are made here so each cites its rule;
 * RULES.md maps each constant to the test that proves it.
 */
enum HenanRule {
    COUNTY_WORK_PLAN("002 §一", "各县（市、区）结合实际制定课后服务工作方案",
            "Each county draws up its own after-school work plan"),
    NON_PROFIT("002 §二(四)", "课后服务坚持公益性、普惠性、非营利性（不得商业推广、推销学习材料）",
            "Service is public-welfare and non-profit: no commercial promotion or sale of materials"),
    REGISTERED_POOR_FREE("002 §二(四)", "对建档立卡贫困家庭子女提供免费服务，成本由政府承担（政府和家长共同负担服务成本）",
            "Children of registered poor households (建档立卡) are served free; the government bears their fee",
            FREE_GROUPS),
    PUBLIC_DISCLOSURE("002 §二(五)", "学校将服务方式、服务内容、安全措施、收费标准等事项向社会公开",
            "Schools publish method, content, safety measures and fees"),
    ENROLLED_STUDENTS("002 §三(一)", "服务对象是有服务需求的义务教育阶段本校在读学生",
            "The service is for the school's own students of compulsory education"),
    PRIORITY_GROUPS("002 §三(一)", "优先保障残疾儿童、留守儿童、进城务工人员随迁子女、家庭经济困难学生等亟需服务群体",
            "Places are guaranteed first to disabled, left-behind, migrant and low-income children"),
    KINDS_OFFERED("002 §三(二)", "开展的服务由县（市、区）确定：放学后课后服务、兴趣社团、免费辅导、周末节假日开放场所，有条件的可扩大到中午",
            "The county chooses the services: after school, clubs, free tutoring, weekend facilities, and noon where possible",
            SERVICES_OFFERED),
    SCHOOL_DAYS_AFTER_DISMISSAL("002 §三(二)", "课后服务一般在上学日下午正常放学后进行",
            "Service runs on school days, after the normal afternoon dismissal", WINDOW_DAYS),
    SCHEDULE_SET_BY_COUNTY("002 §三(二)", "具体服务时间由县（市、区）教育行政部门根据当地实际、家长需求和季节弹性确定；未确定前不开展放学后服务",
            "The county sets the times by local conditions, parent need and season; until it does, no after-school window runs",
            SUMMER_FROM, SUMMER_TO, SUMMER_EARLIEST_END, SUMMER_LATEST_END, WINTER_EARLIEST_END, WINTER_LATEST_END),
    SUMMER_SCHEDULE("002 §三(二)", "夏季作息：课后服务在县定的最早与最晚结束时间之间结束",
            "Summer schedule: service ends between the county's earliest and latest summer end times",
            SUMMER_FROM, SUMMER_TO, SUMMER_EARLIEST_END, SUMMER_LATEST_END),
    WINTER_SCHEDULE("002 §三(二)", "冬季作息（夏季作息以外的日期）：课后服务在县定的最早与最晚结束时间之间结束",
            "Winter schedule (the rest of the year): service ends between the county's earliest and latest winter end times",
            SUMMER_FROM, SUMMER_TO, WINTER_EARLIEST_END, WINTER_LATEST_END),
    NOON_CARE_WHERE_POSSIBLE("002 §三(二)", "有条件的地方可以适当扩大到中午课后（午间服务在下午放学前）",
            "Where conditions allow, service extends to noon (before the afternoon dismissal)", SERVICES_OFFERED),
    WEEKEND_HOLIDAY_FACILITIES("002 §三(二)", "周六、日及节假日开放图书馆、阅览室、操场等场所设施，为本校学生提供阅读学习、体育活动场所",
            "At weekends and on holidays libraries, reading rooms and playgrounds open for the school's own students",
            SERVICES_OFFERED),
    CONTENT_MAINLY("002 §三(三)", "服务内容主要是作业、阅读、体育、艺术、科普、娱乐游戏、拓展训练、社团兴趣小组、适宜影片",
            "Content is mainly homework, reading, sports, arts, science, games, outdoor training, clubs and suitable films"),
    NO_COLLECTIVE_TEACHING("002 §三(三)", "严禁将课后服务变相成为集体教学或“补课”",
            "The service must not become collective teaching or make-up classes"),
    FREE_TUTORING("002 §三(三)", "提倡对个别学习有困难的学生给予免费辅导帮助（不收费）",
            "Students who struggle get free tutoring: it is never charged"),
    LUNCH_SUPPLY("002 §三(三)", "鼓励具备条件的县（市、区）开展中小学生午餐供应，由学校食堂供餐",
            "Counties that can are encouraged to supply lunch, from the school canteen", LUNCH_OFFERED),
    APPLICATION_FLOW("002 §三(四)", "家长自愿申请、班级初审、学校核准、统筹安排",
            "Parent applies, class reviews, school approves, school arranges"),
    INFORM_FAMILIES("002 §三(四)", "征求意见后确定服务时间、内容、方式、收费事项、费用开支、安全措施，并主动告知学生、家长",
            "Time, content, method, fee items, spending and safety are settled with families and told to them"),
    PARENTS_COMMITTEE("002 §三(四)", "家长委员会组织家长代表全过程参与，定期收集意见建议",
            "The parents' committee takes part throughout and collects feedback regularly"),
    INSPECTOR_SUPERVISION("002 §四(一)", "责任督学对课后服务时间、方式、内容、安全保障措施加强督促指导",
            "The school's inspector (责任督学) supervises time, method, content and safety"),
    NO_STAFF_WITH_BAD_RECORDS("002 §四(二)", "严禁有不良记录人员参与课后服务",
            "No one with a bad record takes part in the service"),
    FEE_GUIDANCE_RANGE("002 §四(三)", "收取服务性收费的，按市价格主管部门会同教育部门提出、市政府批准公布的指导意见确定，不得超出指导范围",
            "A service fee stays within the guidance set by the city price authority and approved by the city government",
            GUIDANCE_MIN, GUIDANCE_MAX),
    FEE_SET_WITH_PARENTS_COMMITTEE("002 §四(三)", "学校充分征求家长意见、发挥家长委员会作用，参照指导意见确定具体收费标准",
            "The school sets its exact fee with the parents' committee, after consulting parents"),
    SCHOOL_FINANCE_ACCOUNT("002 §四(三)", "收取的服务费纳入学校财务专户管理、专款专用",
            "Fees go into the school's dedicated finance account (财务专户) and are spent only on the service"),
    SPENDING_PLAN_APPROVED("002 §四(三)", "具体开支范围以教育行政部门审核同意的方案为准",
            "Spending follows the plan the education bureau has approved"),
    REFUND_PRO_RATA("002 §四(三)", "专款专用、严禁乱收费：未提供的服务按次退费",
            "Fees are for the service only: sessions not delivered are refunded pro rata"),
    STAFF_VETTED("002 §四(四)", "对参与课后服务人员的品德、健康、资质严格把关",
            "Everyone taking part is vetted for ethics, health and qualification"),
    SAFETY_SYSTEMS("002 §四(四)", "完善安全管理制度和应急预案，落实考勤、监管、交接班制度，消除场地、消防、食品卫生隐患",
            "Safety rules and emergency plans; attendance, supervision and hand-over every session"),
    SERVICE_AGREEMENT("002 §四(四)", "学校与家长签订课后服务协议书，依照协议落实各方责任",
            "School and parents sign an after-school service agreement"),
    INSURANCE("002 §四(四)", "健全学生医保、校园伤害保险、学生意外商业险等保障制度",
            "Students are covered by medical, campus-injury and accident insurance"),
    CANTEEN_FOOD_SAFETY("002 §四(四)", "提供午餐服务的学校贯彻《河南省学校食堂餐饮食品安全监督管理办法》（豫政食安办〔2025〕6号）",
            "Schools serving lunch follow Henan's school canteen food-safety measures (豫政食安办〔2025〕6号)", LUNCH_OFFERED),
    NAP_ROOMS_SAFE("002 §四(四)", "消除场地、消防安全隐患：午休只用具备消防安全条件的场所",
            "No venue or fire hazards: children nap only in fire-safe rooms");

    final String citation;
    final String summaryZh;
    final String summaryEn;
    final List<String> configKeys;

    HenanRule(String citation, String summaryZh, String summaryEn, String... configKeys) {
        this.citation = citation;
        this.summaryZh = summaryZh;
        this.summaryEn = summaryEn;
        this.configKeys = List.of(configKeys);
    }

    Reason reason(String code, String messageZh, String messageEn) {
        return new Reason(code, messageZh, messageEn, citation);
    }

    RuleInfo info() {
        return new RuleInfo("henan." + name().toLowerCase(Locale.ROOT).replace('_', '-'),
                summaryZh, summaryEn, citation, configKeys);
    }
}
