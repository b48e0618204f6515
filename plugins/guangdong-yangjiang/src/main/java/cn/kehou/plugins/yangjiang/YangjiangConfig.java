package cn.kehou.plugins.yangjiang;

import cn.kehou.plugin.api.ConfigKey;
import cn.kehou.plugin.api.ConfigSchema;
import cn.kehou.plugin.api.ConfigType;

/** Every setting the Yangjiang plugin reads; each default is the value in seed 000. */
final class YangjiangConfig {

    static final String SERVICES_OFFERED = "services.offered";
    static final String SUMMER_FROM = "afterSchool.summerFrom";
    static final String SUMMER_TO = "afterSchool.summerTo";
    static final String SUMMER_EARLIEST_END = "afterSchool.summerEarliestEnd";
    static final String OTHER_EARLIEST_END = "afterSchool.otherEarliestEnd";
    static final String AFTER_SCHOOL_PERIODS = "afterSchool.countedPeriods";
    static final String NOON_CARE_PERIODS = "noonCare.countedPeriods";
    static final String BASIC_CARE_LOCAL_RATE = "fee.basicCareLocalRatePerTerm";
    static final String PROVIDER_PERCENT_OF_OFF_CAMPUS = "fee.providerPriceBelowPercentOfOffCampus";
    static final String HARDSHIP_GROUPS = "fee.hardshipGroups";
    static final String HARDSHIP_REDUCTION_PERCENT = "fee.hardshipReductionPercent";

    static final ConfigSchema SCHEMA = ConfigSchema.of(
            new ConfigKey(SERVICES_OFFERED, ConfigType.SERVICE_KINDS, "NOON_CARE,BASIC_CARE,QUALITY_COURSE,HOLIDAY_CARE",
                    "开展的服务：午托、基础托管、非学科类素质拓展课程、假期校内托管", "000 §四(三)"),
            new ConfigKey(SUMMER_FROM, ConfigType.MONTH_DAY, "05-01", "夏令时段开始（每年5月1日）", "000 §三(二)"),
            new ConfigKey(SUMMER_TO, ConfigType.MONTH_DAY, "10-31", "夏令时段结束（每年10月31日）", "000 §三(二)"),
            new ConfigKey(SUMMER_EARLIEST_END, ConfigType.TIME, "18:00", "夏令时段课后服务原则上不早于此时结束", "000 §三(二)"),
            new ConfigKey(OTHER_EARLIEST_END, ConfigType.TIME, "17:30", "非夏令时段课后服务原则上不早于此时结束", "000 §三(二)"),
            new ConfigKey(AFTER_SCHOOL_PERIODS, ConfigType.INTEGER, "2", "下午放学后课后服务按几课时计算", "000 §三(二)"),
            new ConfigKey(NOON_CARE_PERIODS, ConfigType.INTEGER, "2", "午托服务按几课时计算", "000 §三(二)"),
            new ConfigKey(BASIC_CARE_LOCAL_RATE, ConfigType.MONEY, null,
                    "基础托管当地原收费标准（元/生/学期）；各地不同，未设置前不得收费", "000 §六(一)1"),
            new ConfigKey(PROVIDER_PERCENT_OF_OFF_CAMPUS, ConfigType.PERCENT, "100",
                    "第三方机构收费须低于其校外同质培训收费的百分比（100 = 低于校外价即可；可收紧为“明显低于”）", "000 §六(一)2"),
            new ConfigKey(HARDSHIP_GROUPS, ConfigType.PRIORITY_GROUPS, "REGISTERED_POOR,MINIMUM_ALLOWANCE,ECONOMIC_HARDSHIP",
                    "参照学生资助政策减免的经济困难家庭学生群体", "000 §六(一)2"),
            new ConfigKey(HARDSHIP_REDUCTION_PERCENT, ConfigType.PERCENT, "100",
                    "经济困难家庭学生减免比例（%）；方案只写“予减免”，默认全免", "000 §六(一)2"));

    private YangjiangConfig() {
    }
}
