package cn.kehou.plugins.jiangxi;

import cn.kehou.plugin.api.ConfigKey;
import cn.kehou.plugin.api.ConfigSchema;
import cn.kehou.plugin.api.ConfigType;

/**
 * Every setting the Jiangxi plugin reads; each default is the value in seed 003. The plugin is
 * bound at the province, so a city (南昌, 赣州) overrides only what 003 leaves to it: its usual
 * off-work time and its fee standard.
 */
final class JiangxiConfig {

    static final String SERVICES_OFFERED = "services.offered";
    static final String WINDOW_DAYS = "window.days";
    static final String WINDOW_MIN_MINUTES = "window.minMinutes";
    static final String OFF_WORK_TIME = "offWorkTime";
    static final String END_AFTER_OFF_WORK_MINUTES = "endAfterOffWorkMinutes";
    static final String BOARDING_WINDOW_SET_LOCALLY = "boardingSchools.windowSetLocally";
    static final String FEE_LOCAL_STANDARD = "fee.localStandardPerTerm";
    static final String HARDSHIP_GROUPS = "fee.hardshipGroups";

    static final ConfigSchema SCHEMA = ConfigSchema.of(
            new ConfigKey(SERVICES_OFFERED, ConfigType.SERVICE_KINDS,
                    "BASIC_CARE,QUALITY_COURSE,EXTENDED_CARE,EVENING_SELF_STUDY,HOLIDAY_CARE",
                    "开展的服务：课后服务（基础托管、素质拓展）、延时托管、初中晚自习、双休日和寒暑假兴趣活动；文件未提午托",
                    "003 §三"),
            new ConfigKey(WINDOW_DAYS, ConfigType.DAYS_OF_WEEK, "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY",
                    "“5×2”：学校每周5天都要开展课后服务（周一至周五）", "003 §三"),
            new ConfigKey(WINDOW_MIN_MINUTES, ConfigType.INTEGER, "120",
                    "“5×2”：每天至少开展2个小时（分钟）", "003 §三"),
            // 003 §三 leaves the number to each locality (当地普遍的正常下班时间): each city sets
            // its own (南昌 17:30, 赣州 18:00 in their tenant descriptors). 17:30 is a placeholder
            // — the common end of the working day — so that the province and a newly onboarded
            // city answer at once; it is not a figure from the text.
            new ConfigKey(OFF_WORK_TIME, ConfigType.TIME, "17:30",
                    "当地普遍的正常下班时间（各设区市设置；文件未给数值，默认17:30为常见下班时间，各市应按当地实际设置）",
                    "003 §三"),
            new ConfigKey(END_AFTER_OFF_WORK_MINUTES, ConfigType.INTEGER, "30",
                    "课后服务结束时间原则上不早于当地普遍的正常下班时间后多少分钟（半小时）", "003 §三"),
            new ConfigKey(BOARDING_WINDOW_SET_LOCALLY, ConfigType.BOOLEAN, "true",
                    "寄宿制学校具体开展形式由各地统筹规定：为 true 时不对其套用每天2小时和结束时间的要求（仅提示）",
                    "003 §二"),
            new ConfigKey(FEE_LOCAL_STANDARD, ConfigType.MONEY, null,
                    "当地出台的课后服务收费标准（元/生/学期）；省文件要求各地明确收费标准而不定数值，未设置前不得收费",
                    "003 §八"),
            new ConfigKey(HARDSHIP_GROUPS, ConfigType.PRIORITY_GROUPS, "REGISTERED_POOR,MINIMUM_ALLOWANCE,ECONOMIC_HARDSHIP",
                    "对家庭困难的学生免收服务费用：按家庭困难认定的学生群体", "003 §六"));

    private JiangxiConfig() {
    }
}
