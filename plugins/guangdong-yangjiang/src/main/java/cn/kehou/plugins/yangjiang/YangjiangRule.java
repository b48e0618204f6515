package cn.kehou.plugins.yangjiang;

import static cn.kehou.plugins.yangjiang.YangjiangConfig.*;

import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.RuleInfo;
import java.util.List;
import java.util.Locale;

/**
 * Every rule of 阳江市《关于进一步做好中小学校内课后服务工作实施方案（征求意见稿）》(seed 000)
 * that this plugin decides or explains, with its section. Reasons are made here so each cites its
 * rule; RULES.md maps each constant to the test that proves it.
 */
enum YangjiangRule {
    PUBLIC_NOTICE("000 §二(四)", "公示服务内容、服务方式、安全保障、费用标准等事项",
            "Content, form, safety measures and fees are published"),
    SAFETY_COMMITMENTS("000 §二(五)", "学校与第三方机构和家长签订安全责任书",
            "The school signs safety commitments with providers and parents"),
    ALL_STUDENTS("000 §三(一)", "服务对象为全市义务教育阶段中小学校在校学生", "Every student of compulsory education may take part"),
    NOON_CARE_AT_NOON("000 §三(二)", "午托从上午放学起至下午上学前，按2课时计算",
            "Noon care runs from morning dismissal to afternoon classes and counts as 2 periods", NOON_CARE_PERIODS),
    AFTER_SCHOOL_AFTER_DISMISSAL("000 §三(二)", "课后服务从下午放学后开始，按2课时计算",
            "After-school service starts at afternoon dismissal and counts as 2 periods", AFTER_SCHOOL_PERIODS),
    SUMMER_END("000 §三(二)", "夏令时段（5月1日至10月31日）课后服务原则上不早于18:00结束",
            "In summer time (1 May–31 Oct) service ends no earlier than 18:00", SUMMER_FROM, SUMMER_TO, SUMMER_EARLIEST_END),
    OTHER_END("000 §三(二)", "非夏令时段课后服务原则上不早于17:30结束",
            "The rest of the year service ends no earlier than 17:30", SUMMER_FROM, SUMMER_TO, OTHER_EARLIEST_END),
    HOLIDAY_CARE("000 §三(三)", "学校可面向有需求的学生开展假期校内托管，以非学科类素质拓展课程为主",
            "Schools may run in-school holiday care, mainly non-academic courses", SERVICES_OFFERED),
    MEALS("000 §四(一)", "早、午餐由学校食堂提供，无法提供的集中配送；餐费由家长承担",
            "Breakfast and lunch from the school canteen, else central delivery; parents pay for meals"),
    NAP_ROOMS_FIRE_SAFE("000 §四(二)", "午休场所均应具备消防安全使用条件；有宿舍的安排在宿舍",
            "Nap rooms must be fire-safe; dormitories first where there are any"),
    NAP_BETTER_ROOMS_TO_LOWER_GRADES("000 §四(二)", "条件较为优越场所优先提供给低年级学生",
            "Better rooms go to lower grades first"),
    KINDS_OFFERED("000 §四(三)", "课后托管服务包括基础托管服务和非学科类素质拓展课程（另有午托、假期托管）",
            "Services are basic care and non-academic courses (plus noon and holiday care)", SERVICES_OFFERED),
    BASIC_CARE_CONTENT("000 §四(三)(1)", "基础托管：学生自主阅读、完成作业、答疑释疑，不上学科课",
            "Basic care is reading, homework and questions: no academic teaching"),
    QUALITY_COURSES_NON_ACADEMIC("000 §四(三)(2)", "素质拓展课程为非学科类（科普、体育、美育、科技、心理健康等）",
            "Quality courses are non-academic: science, sports, arts, technology, mental health"),
    ENROLLMENT_FORMS("000 §五(一)", "填写《学校课后服务申请书》，签订《家校安全责任承诺书》《课后服务合同书》",
            "Families fill in the application and sign the safety commitment and the service contract"),
    COURSES_RENEWED_EACH_TERM("000 §五(二)", "学校向平台上报课程，课程内容每学期更新",
            "Schools submit courses to the platform; content is renewed each term"),
    ONLINE_SELECTION("000 §五(三)", "家长在平台自愿选择时间、课程，线上完成报名",
            "Parents choose times and courses on the platform and apply online"),
    PLATFORM_PAYMENT("000 §五(四)", "各项服务收费统一在平台线上支付，专账管理",
            "Every fee is paid online on the platform into a dedicated account"),
    REVIEW_CONFIRM_SIGN_PAY("000 §五(五)", "学校审核并公布结果，家长确认选课、线上签订协议、线上支付",
            "The school reviews and publishes results; parents confirm, sign online and pay online"),
    REFUND_PRO_RATA("000 §五(五)", "协议明确费用与各方权责：未提供的服务按次退费",
            "The agreement fixes fees and duties: sessions not delivered are refunded pro rata"),
    LOCAL_RATE("000 §六(一)1", "基础托管按当地原收费标准收费", "Basic care is charged at the local original rate",
            BASIC_CARE_LOCAL_RATE),
    PROVIDER_BELOW_OFF_CAMPUS("000 §六(一)2", "第三方机构收费标准要明显低于其校外同质培训收费标准",
            "A provider's price is clearly below its own off-campus price", PROVIDER_PERCENT_OF_OFF_CAMPUS),
    HARDSHIP_REDUCTION("000 §六(一)2", "经济困难家庭学生参照学生资助政策予以减免，减免额记入财政承担",
            "Families in hardship pay less per the student-aid policy; the reduction is booked to the government",
            HARDSHIP_GROUPS, HARDSHIP_REDUCTION_PERCENT),
    BASIC_CARE_FEES_TO_SCHOOL("000 §六(二)", "基本托管服务费由平台收取后全额返回学校", "Basic-care fees go back to the school in full"),
    PROVIDER_PAID_BY_PLATFORM("000 §六(二)", "素质拓展课程费用依据协议由平台支付给第三方机构",
            "Provider course fees are paid out by the platform to the provider per contract"),
    LEDGER_PUBLISHED("000 §六(四)", "学校建立经费台账，与平台定期汇总服务学生名单、收缴费用和支出明细并公示；经费管理办法报教育局备案",
            "Schools keep a ledger, reconcile students, fees and spending with the platform and publish them"),
    PLAN_APPROVED_BEFORE_USE("000 §七(三)1", "学校实施方案报教育部门审核同意后执行",
            "A school's plan is approved by the education bureau before it applies"),
    STAFF_VETTED("000 §七(三)3", "入校人员的资质和身体条件经学校审核并报教育局备案",
            "Everyone who comes into school is vetted and filed with the bureau"),
    PROVIDER_BLACKLIST("000 §七(四)2", "每年公布不符合服务条件的第三方机构黑名单", "The provider blacklist is published yearly"),
    NO_COMMERCIAL_PROMOTION("000 §七(四)2", "第三方机构服务不得带有任何商业推广和商业隐含元素",
            "Providers may carry no commercial promotion of any kind");

    final String citation;
    final String summaryZh;
    final String summaryEn;
    final List<String> configKeys;

    YangjiangRule(String citation, String summaryZh, String summaryEn, String... configKeys) {
        this.citation = citation;
        this.summaryZh = summaryZh;
        this.summaryEn = summaryEn;
        this.configKeys = List.of(configKeys);
    }

    Reason reason(String code, String messageZh, String messageEn) {
        return new Reason(code, messageZh, messageEn, citation);
    }

    RuleInfo info() {
        String id = name().toLowerCase(Locale.ROOT).replace('_', '-');
        return new RuleInfo("yangjiang." + id, summaryZh, summaryEn, citation, configKeys);
    }
}
