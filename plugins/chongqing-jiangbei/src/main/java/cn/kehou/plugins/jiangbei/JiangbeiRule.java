package cn.kehou.plugins.jiangbei;

import static cn.kehou.plugins.jiangbei.JiangbeiConfig.*;

import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.RuleInfo;
import java.util.List;
import java.util.Locale;

/**
 * Every rule of 江北区关于进一步加强中小学生课后服务工作的指导意见 (seed 001) that this plugin
 * decides or explains, with its section. Reasons are made here so each cites its rule; RULES.md
 * maps each constant to the test that proves it.
 */
enum JiangbeiRule {
    VOLUNTARY("001 §二(三)", "学生和家长自愿参加，不得强制或变相强制（流程从家长申请开始）",
            "Families take part of their own free will: enrollment starts with their own application"),
    KINDS_OFFERED("001 §三(一)", "课后服务、延时托管、初中晚自习；不含午托、假期托管",
            "After-school service, extended care and junior-high evening study; no noon or holiday care", SERVICES_OFFERED),
    WEEKDAYS("001 §三(一)", "“5+2”模式：学校每周5天（周一至周五）开展课后服务，不开展周末和假期托管",
            "\"5+2\": service on the 5 school days, Monday to Friday; no weekend or holiday care", WINDOW_DAYS),
    AT_LEAST_TWO_HOURS("001 §三(一)", "“5+2”模式：每天至少开展2小时（所有学校，含农村和边远地区）",
            "\"5+2\": at least 2 hours a day at every school, rural towns included", WINDOW_MIN_MINUTES),
    END_BY_LEVEL("001 §三(一)", "小学1-6年级结束时间5:30左右，初中6:30左右（九年一贯制按小学，初中部提示）",
            "Primary grades 1–6 end about 17:30, junior high about 18:30 (nine-year schools: the primary time, with a note)",
            PRIMARY_END, JUNIOR_END),
    URBAN_NOT_BEFORE_OFF_WORK("001 §三(一)", "城市学校原则上不早于正常下班时间结束",
            "Urban schools end no earlier than normal off-work time", OFF_WORK_TIME),
    RURAL_TOWNS_OWN_END("001 §三(一)", "农村和边远地区（郭家沱、鱼嘴、复盛、五宝）学校可根据路程、交通、气候合理安排结束时间",
            "Schools in the rural towns 郭家沱, 鱼嘴, 复盛 and 五宝 set their own end time (distance, transport, weather)",
            RURAL_TOWNS),
    EXTENDED_CARE_FLEXIBLE("001 §三(一)", "对有特殊需要的学生提供延时托管服务，实行弹性离校制度（无最短时长、无最早结束时间）",
            "Extended care for students with special needs, with flexible departure (no minimum length or end time)"),
    EVENING_STUDY_JUNIOR_ONLY("001 §三(一)", "初中学校工作日晚上可开设自习班；小学不开设",
            "Junior highs may run weekday evening self-study; primary schools may not"),
    ALL_STUDENTS_PRIORITY_GUARANTEED("001 §三(二)1", "服务对象为各中小学在校学生；切实保障留守儿童、随迁子女、建档立卡、低保家庭儿童和中低年级学生",
            "Every student of the school may take part; left-behind, migrant, registered-poor, minimum-allowance and lower-grade children are guaranteed"),
    TWO_PERIODS("001 §三(四)", "课后服务原则上按照两课时安排：第1课时作业管理，第2课时素质提升",
            "Service is arranged as two class periods: homework management, then quality improvement", COUNTED_PERIODS),
    PERIOD_ONE_HOMEWORK("001 §三(四)", "第1课时以作业管理为主（自主作业、阅读、答疑、个别辅导）；不得集体补课或讲新课",
            "Period 1 is mainly homework management; no collective make-up classes or new lessons"),
    PERIOD_TWO_QUALITY("001 §三(四)", "第2课时以素质提升为主（“五个一点”：名著、运动、艺术、家务、社会实践）",
            "Period 2 is mainly quality improvement: classics, sport, arts, chores, social practice"),
    PROVIDERS_NON_ACADEMIC_APPROVED("001 §三(五)", "只可引进有资质的非学科类校外培训机构，报区教委审核批准并建立评估退出机制；严禁与培训机构联合开展学科类有偿辅导",
            "Only qualified non-academic providers, approved by the district bureau, with evaluation and exit; no paid academic tutoring with them"),
    TERM_PLAN_FILED("001 §四(一)", "每学期制定实施方案，开学前一周报区教委基础教育科备案（纸质件，盖章签字）",
            "Each term's plan is filed with the district basic-education section one week before term (paper, stamped and signed)",
            PLAN_FILING_LEAD_DAYS),
    MOE_DIRECT_REPORT("001 §四(一)", "每年3月、9月通过教育部义务教育课后服务开展情况直报系统更新开展情况",
            "Every March and September the school updates its status in the Ministry of Education's direct-reporting system",
            MOE_REPORT_MONTHS),
    FUNDING_MODES("001 §四(三)", "经费采取财政补贴、服务性收费或代收费等方式筹措",
            "Funding by fiscal subsidy, service fee or collection on behalf", FEE_FUNDING_MODES),
    QUALITY_SUPERVISION("001 §四(四)", "学校建立质量监督小组，不定期开展学生、家长满意度调查",
            "A quality supervision group runs student and parent satisfaction surveys from time to time"),
    PARENT_AGREEMENT("001 §五(二)2", "与家长签订课后服务协议书（管理制度、具体内容、服务形式、接送时间），并告知参加和不参加的学生家长",
            "Parents sign an agreement stating rules, content, form and pickup times; parents of non-participants are told too"),
    STAFF_VETTED("001 §五(二)2", "所有参与人员须先经学校逐一审核批准并报区教委备案",
            "Everyone taking part is approved by the school one by one and filed with the district bureau"),
    NO_CURRICULUM_CHANGE("001 §五(二)3", "不得随意增减义务教育课程计划：课后服务在正常放学后开始",
            "The curriculum is not cut: service starts at the normal dismissal"),
    NO_ACADEMIC_COLLECTIVE_TEACHING("001 §五(二)3", "十严禁：严禁演变为学科类集体教学、集体补课或奥数等竞赛培训",
            "Ten prohibitions: no academic collective teaching, make-up classes or olympiad-style training"),
    NO_MORE_HOMEWORK("001 §五(二)3", "十严禁：严禁增加学生作业量和加重学生课业负担",
            "Ten prohibitions: no extra homework or heavier study load"),
    NO_ILLEGAL_FEES("001 §五(二)3", "十严禁：严禁以课后服务为名违规收费、乱收费（未定收费标准不得收费）",
            "Ten prohibitions: no irregular fees (nothing is charged before the district sets a rate)", CAP_PER_DAILY_PERIOD),
    NO_COMMERCIAL_ACTIVITY("001 §五(二)3", "十严禁：严禁在课后服务时段“搭车”开展商业活动",
            "Ten prohibitions: no commercial activity riding on service time"),
    FEE_BY_NORMAL_PERIODS("001 §五(二)4", "计费时间以实行课后服务之前的正常课时为基础计算，不得调整课时变相多计收费",
            "Billed time counts the school's normal class periods; periods may not be redefined to charge more",
            CAP_PER_DAILY_PERIOD, PRIMARY_PERIOD_MINUTES, JUNIOR_PERIOD_MINUTES, COUNTED_PERIODS),
    REFUND_UNDELIVERED("001 §五(二)4", "未提供的课时不计费：按未提供的次数比例退费",
            "Periods not delivered are not billed: they are refunded pro rata"),
    STIPENDS_PUBLISHED("001 §五(二)4", "志愿者教师补助在校内公示、通过银行卡发放，不纳入绩效工资总量",
            "Teacher stipends are published in school, paid by bank card, outside the performance-pay total"),
    PUBLIC_NOTICE("001 §五(三)2", "开展原则、时间安排、收费标准、服务内容通过学校公示栏、公众号、家长群公开",
            "Principles, times, fees and content are published on the notice board, the school's account and class parent groups");

    final String citation;
    final String summaryZh;
    final String summaryEn;
    final List<String> configKeys;

    JiangbeiRule(String citation, String summaryZh, String summaryEn, String... configKeys) {
        this.citation = citation;
        this.summaryZh = summaryZh;
        this.summaryEn = summaryEn;
        this.configKeys = List.of(configKeys);
    }

    Reason reason(String code, String messageZh, String messageEn) {
        return new Reason(code, messageZh, messageEn, citation);
    }

    RuleInfo info() {
        return new RuleInfo("jiangbei." + name().toLowerCase(Locale.ROOT).replace('_', '-'),
                summaryZh, summaryEn, citation, configKeys);
    }
}
