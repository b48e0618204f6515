package cn.kehou.plugins.jiangxi;

import static cn.kehou.plugins.jiangxi.JiangxiConfig.*;

import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.RuleInfo;
import java.util.List;
import java.util.Locale;

/**
 * Every rule of 江西省教育厅《关于做好义务教育学校课后服务工作的补充通知》(赣教基字〔2021〕38号,
 * seed 003) that this plugin decides or explains, with its section. The notice has ten numbered
 * parts and no sub-items, so a citation is the part: {@code 003 §三}. Reasons are made here so each
 * cites its rule; RULES.md maps each constant to the test that proves it.
 */
enum JiangxiRule {
    ONE_SCHOOL_ONE_PLAN("003 §一", "按“一校一案”制定课后服务实施方案，报教育行政部门备案审查，审查通过后实施",
            "One school, one plan: each school's plan is filed with the education bureau and reviewed before it runs"),
    SERVICE_GUIDE("003 §一", "学校研制形成办班种类、课程内容、师资安排、时间安排等信息的课后服务指南，向学生和家长宣传",
            "Each school publishes a service guide (class types, content, staff, times) to students and parents"),
    DIRECT_REPORT("003 §一", "安排专人负责及时更新义务教育课后服务开展情况直报系统",
            "A designated person keeps the MOE direct-report system on after-school service up to date"),
    DIRECT_REPORT_SCOPE("003 §一", "村小、教学点和寄宿制学校不纳入直报统计范围",
            "Village schools, teaching points and boarding schools are left out of the direct-report statistics"),
    COVERAGE("003 §二", "城区义务教育学校和农村乡镇中心校全覆盖、有需求的学生全覆盖",
            "Every urban school and every rural township central school runs the service; every student who needs it is served"),
    VILLAGE_SCHOOLS_JOIN_CENTRAL("003 §二", "村小、教学点有条件的可自行组织课后服务或自愿参加中心校的课后服务，由乡镇中心学校统筹安排",
            "Village schools and teaching points may run their own service or join their township central school's, arranged by the central school"),
    BOARDING_FORM_SET_LOCALLY("003 §二", "寄宿制学校具体开展形式由各地统筹规定",
            "Each locality sets how boarding schools run the service", BOARDING_WINDOW_SET_LOCALLY),
    KINDS_OFFERED("003 §三", "课后服务、延时托管、初中晚自习、双休日和寒暑假兴趣活动；文件未规定午托",
            "After-school service, extended care, junior-high evening self-study, weekend and holiday interest activities; no noon care",
            SERVICES_OFFERED),
    FIVE_DAYS_A_WEEK("003 §三", "“5×2”：学校每周5天（周一至周五）都要开展课后服务",
            "\"5×2\": the school runs the service five days a week, Monday to Friday", WINDOW_DAYS),
    TWO_HOURS_A_DAY("003 §三", "“5×2”：每天至少开展2个小时", "\"5×2\": at least 2 hours a day", WINDOW_MIN_MINUTES),
    AFTER_DISMISSAL("003 §三", "课后服务在下午放学后开展，每天2小时从放学起算",
            "After-school service starts at dismissal: the 2 hours are counted from there"),
    END_AFTER_OFF_WORK("003 §三", "结束时间与当地正常下班时间相衔接，原则上不早于当地普遍的正常下班时间后半小时",
            "The service ends no earlier than 30 minutes after the local usual off-work time",
            OFF_WORK_TIME, END_AFTER_OFF_WORK_MINUTES),
    EXTENDED_CARE_ON_APPLICATION("003 §三", "对有特殊需要的学生，由家长或监护人提出申请后，学校应提供延时托管服务",
            "The school provides extended care to a student with special needs on the guardian's application"),
    NO_SENDING_AWAY_BEFORE_END("003 §三", "不得强制有需求在校自主学习的学生在课后服务时间结束前离开学校",
            "A student who wants to study at school may not be made to leave before the service ends"),
    EVENING_SELF_STUDY_JUNIOR("003 §三", "初中学校工作日晚上可开设自习班（小学不开设）",
            "Junior high schools may run weekday evening self-study; primary schools may not"),
    WEEKEND_AND_HOLIDAY_INTEREST("003 §三", "在双休日、寒暑假等假日为有需求的学生提供各类兴趣活动",
            "Weekends and school holidays: interest activities for students who need them"),
    NO_NEW_LESSONS("003 §四", "指导学生完成作业、对学习有困难的学生进行补习，但不得利用课后服务时间讲新课",
            "Homework guidance and help for struggling students, but no new lessons in service time"),
    PROVIDERS_NON_ACADEMIC_BY_BUREAU("003 §五", "以内部供给为主、购买服务为补充；只可引进由教育行政部门组织遴选的非学科类校外培训机构",
            "Schools staff the service themselves first; only non-academic providers selected by the education bureau may be bought in"),
    OUTSIDE_STAFF_VETTED("003 §五", "可聘任退休教师、高校优秀学生、具备资质的社会专业人员或志愿者，把好外聘人员资格关",
            "Retired teachers, students, qualified professionals or volunteers may help; outside staff are vetted first"),
    PRIORITY_GROUPS("003 §六", "优先保障留守儿童、进城务工人员随迁子女、家庭经济困难儿童少年等群体接受课后服务",
            "Left-behind children, migrant workers' children and children of families in hardship come first"),
    HARDSHIP_FREE("003 §六", "对家庭困难的学生免收服务费用", "Students of families in hardship pay no fee", HARDSHIP_GROUPS),
    FREE_ONLINE_RESOURCES("003 §七", "利用国家中小学网络云平台、江西省中小学线上教学平台等，免费向学生提供优质线上教育资源",
            "Free national and provincial online courses (国家中小学网络云平台, 江西省中小学线上教学平台) are offered to students"),
    LOCAL_FEE_STANDARD("003 §八", "各地出台经费保障办法，明确收费标准；收费不超过当地标准，未明确前不得收费",
            "Each locality sets the fee standard; no fee above it, and none before it is set", FEE_LOCAL_STANDARD),
    FEES_PAY_STIPENDS("003 §八", "课后服务经费主要用于支付参与课后服务教师和相关人员的补助；聘请校外人员的补助按劳务费管理",
            "Fees mainly pay the stipends of teachers and staff taking part; outside staff are paid as labour fees"),
    REFUND_PRO_RATA("003 §八", "建立成本分担机制：费用只分担已提供服务的成本，未提供的服务按次退费",
            "Fees share the cost of service delivered: sessions not delivered are refunded pro rata"),
    TEACHER_RECORD("003 §八", "教师参加课后服务的表现作为职称评聘、表彰奖励和绩效工资分配的重要参考",
            "A teacher's after-school service record counts toward titles, awards and performance pay"),
    PUBLICITY("003 §九", "通过新闻媒体、网站、微信公众号、致家长一封信、家长会等宣传课后服务实施方案和服务特色",
            "The plan and what the service offers are explained to parents (letter to parents, parents' meetings, media)"),
    SUPERVISION("003 §十", "课后服务纳入督导评价和学校考核，责任督学经常性督查",
            "After-school service is part of school inspection and appraisal; the school's inspector checks it regularly");

    final String citation;
    final String summaryZh;
    final String summaryEn;
    final List<String> configKeys;

    JiangxiRule(String citation, String summaryZh, String summaryEn, String... configKeys) {
        this.citation = citation;
        this.summaryZh = summaryZh;
        this.summaryEn = summaryEn;
        this.configKeys = List.of(configKeys);
    }

    Reason reason(String code, String messageZh, String messageEn) {
        return new Reason(code, messageZh, messageEn, citation);
    }

    RuleInfo info() {
        return new RuleInfo("jiangxi." + name().toLowerCase(Locale.ROOT).replace('_', '-'),
                summaryZh, summaryEn, citation, configKeys);
    }
}
