package cn.kehou.plugins.henan;

import cn.kehou.plugin.api.ConfigKey;
import cn.kehou.plugin.api.ConfigSchema;
import cn.kehou.plugin.api.ConfigType;

/**
 * Every setting the Henan plugin reads. Seed 002 leaves the service times (by season) to each
 * county and the fee range to the city's price authority, so those keys have no default and the
 * rules that read them refuse until the tenant sets them; the other defaults are the seed's own.
 */
final class HenanConfig {

    static final String SERVICES_OFFERED = "services.offered";
    static final String WINDOW_DAYS = "window.days";
    static final String SUMMER_FROM = "window.summerFrom";
    static final String SUMMER_TO = "window.summerTo";
    static final String SUMMER_EARLIEST_END = "window.summerEarliestEnd";
    static final String SUMMER_LATEST_END = "window.summerLatestEnd";
    static final String WINTER_EARLIEST_END = "window.winterEarliestEnd";
    static final String WINTER_LATEST_END = "window.winterLatestEnd";
    static final String LUNCH_OFFERED = "meals.lunchOffered";
    static final String GUIDANCE_MIN = "fee.guidanceMinPerTerm";
    static final String GUIDANCE_MAX = "fee.guidanceMaxPerTerm";
    static final String FREE_GROUPS = "fee.freeGroups";

    static final ConfigSchema SCHEMA = ConfigSchema.of(
            // NOON_CARE is left out: only "有条件的地方" extend to noon, so a county adds it when it can
            new ConfigKey(SERVICES_OFFERED, ConfigType.SERVICE_KINDS, "BASIC_CARE,QUALITY_COURSE,FREE_TUTORING,HOLIDAY_CARE",
                    "开展的服务：放学后课后服务、兴趣社团活动、免费辅导、周末及节假日开放场所设施；有条件的县可加午间服务（NOON_CARE）",
                    "002 §三(二)"),
            new ConfigKey(WINDOW_DAYS, ConfigType.DAYS_OF_WEEK, "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY",
                    "课后服务日：上学日", "002 §三(二)"),
            new ConfigKey(SUMMER_FROM, ConfigType.MONTH_DAY, null,
                    "夏季作息开始（月-日）；由县（市、区）教育行政部门按季节确定，未设置前不开展放学后服务", "002 §三(二)"),
            new ConfigKey(SUMMER_TO, ConfigType.MONTH_DAY, null,
                    "夏季作息结束（月-日，含当日），其余日期按冬季作息；由县确定", "002 §三(二)"),
            new ConfigKey(SUMMER_EARLIEST_END, ConfigType.TIME, null,
                    "夏季作息课后服务最早结束时间；由县确定", "002 §三(二)"),
            new ConfigKey(SUMMER_LATEST_END, ConfigType.TIME, null,
                    "夏季作息课后服务最晚结束时间；由县确定", "002 §三(二)"),
            new ConfigKey(WINTER_EARLIEST_END, ConfigType.TIME, null,
                    "冬季作息课后服务最早结束时间；由县确定", "002 §三(二)"),
            new ConfigKey(WINTER_LATEST_END, ConfigType.TIME, null,
                    "冬季作息课后服务最晚结束时间；由县确定", "002 §三(二)"),
            new ConfigKey(LUNCH_OFFERED, ConfigType.BOOLEAN, "false",
                    "本县（市、区）是否开展中小学生午餐供应（鼓励具备条件的县开展）", "002 §三(三)"),
            new ConfigKey(GUIDANCE_MIN, ConfigType.MONEY, null,
                    "市价格主管部门会同教育部门提出、经市政府批准公布的课后服务收费指导下限（元/生/学期）；未设置前不得收费",
                    "002 §四(三)"),
            new ConfigKey(GUIDANCE_MAX, ConfigType.MONEY, null,
                    "课后服务收费指导上限（元/生/学期）；未设置前不得收费", "002 §四(三)"),
            new ConfigKey(FREE_GROUPS, ConfigType.PRIORITY_GROUPS, "REGISTERED_POOR",
                    "免费提供课后服务的学生群体：建档立卡贫困家庭子女", "002 §二(四)"));

    private HenanConfig() {
    }
}
