package cn.kehou.plugins.urumqi;

import cn.kehou.plugin.api.ConfigKey;
import cn.kehou.plugin.api.ConfigSchema;
import cn.kehou.plugin.api.ConfigType;

/** Every setting the Urumqi plugin reads; each default is the number in seed 004. */
final class UrumqiConfig {

    static final String SERVICES_OFFERED = "services.offered";
    static final String WINDOW_DAYS = "window.days";
    static final String WINDOW_MAX_MINUTES = "window.maxMinutes";
    static final String RURAL_SCHOOLS_APPROVED = "ruralSchools.approved";
    static final String FEE_CAP_PER_DAILY_HOUR = "fee.capPerDailyHourPerTerm";
    static final String FEE_RECOSTING_MONTHS = "fee.recostingMonths";
    static final String HARDSHIP_GROUPS = "fee.hardshipGroups";
    static final String HARDSHIP_REDUCTION_PERCENT = "fee.hardshipReductionPercent";

    static final ConfigSchema SCHEMA = ConfigSchema.of(
            new ConfigKey(SERVICES_OFFERED, ConfigType.SERVICE_KINDS, "BASIC_CARE,QUALITY_COURSE",
                    "开展的课后服务类型（放学后的课后服务；不含午托、假期托管）", "004 §三(一)"),
            new ConfigKey(WINDOW_DAYS, ConfigType.DAYS_OF_WEEK, "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY",
                    "课后服务日：一般从周一至周五", "004 §三(三)"),
            new ConfigKey(WINDOW_MAX_MINUTES, ConfigType.INTEGER, "120",
                    "每天课后服务最长分钟数：原则上每天不得超过2小时", "004 §三(三)"),
            new ConfigKey(RURAL_SCHOOLS_APPROVED, ConfigType.BOOLEAN, "false",
                    "县级人民政府是否已确定农村学校开展课后服务", "004 §三(二)"),
            new ConfigKey(FEE_CAP_PER_DAILY_HOUR, ConfigType.MONEY, "200.00",
                    "每天参加一小时课后服务的收费上限（元/生/学期）", "004 §四(五)"),
            new ConfigKey(FEE_RECOSTING_MONTHS, ConfigType.INTEGER, "12",
                    "收费成本核算周期（月）：每一年进行一次成本核算", "004 §五(一)"),
            new ConfigKey(HARDSHIP_GROUPS, ConfigType.PRIORITY_GROUPS, "REGISTERED_POOR,MINIMUM_ALLOWANCE,ECONOMIC_HARDSHIP",
                    "按经济困难家庭减免费用的学生群体", "004 §四(五)"),
            new ConfigKey(HARDSHIP_REDUCTION_PERCENT, ConfigType.PERCENT, "100",
                    "经济困难家庭学生减免比例（%）；办法只写“可减免”，默认全免", "004 §四(五)"));

    private UrumqiConfig() {
    }
}
