package cn.kehou.plugins.jiangbei;

import cn.kehou.plugin.api.ConfigKey;
import cn.kehou.plugin.api.ConfigSchema;
import cn.kehou.plugin.api.ConfigType;
import cn.kehou.plugin.api.PluginConfig;
import java.time.Month;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Every setting the Jiangbei plugin reads; each default is the value in seed 001. The three fee
 * keys have none: 001 bills by the school's normal class period (§五(二)4) but names neither the
 * period's length nor a rate, so paid fees are refused until the district sets them.
 */
final class JiangbeiConfig {

    static final String SERVICES_OFFERED = "services.offered";
    static final String WINDOW_DAYS = "window.days";
    static final String WINDOW_MIN_MINUTES = "window.minMinutes";
    static final String PRIMARY_END = "window.primaryEnd";
    static final String JUNIOR_END = "window.juniorEnd";
    /** Same key as the Jiangxi binding uses for its own off-work rule (003). */
    static final String OFF_WORK_TIME = "offWorkTime";
    static final String RURAL_TOWNS = "window.ruralTowns";
    static final String COUNTED_PERIODS = "window.countedPeriods";
    static final String FEE_FUNDING_MODES = "fee.fundingModes";
    static final String CAP_PER_DAILY_PERIOD = "fee.capPerTermPerDailyPeriod";
    static final String PRIMARY_PERIOD_MINUTES = "fee.primaryPeriodMinutes";
    static final String JUNIOR_PERIOD_MINUTES = "fee.juniorPeriodMinutes";
    static final String PLAN_FILING_LEAD_DAYS = "plan.filingLeadDays";
    static final String MOE_REPORT_MONTHS = "moeReport.months";

    static final ConfigSchema SCHEMA = ConfigSchema.of(
            new ConfigKey(SERVICES_OFFERED, ConfigType.SERVICE_KINDS, "BASIC_CARE,QUALITY_COURSE,EXTENDED_CARE,EVENING_SELF_STUDY",
                    "开展的服务：课后服务（作业管理、素质提升两课时）、延时托管、初中晚自习", "001 §三(一)"),
            new ConfigKey(WINDOW_DAYS, ConfigType.DAYS_OF_WEEK, "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY",
                    "“5+2”模式：学校每周5天都要开展课后服务", "001 §三(一)"),
            new ConfigKey(WINDOW_MIN_MINUTES, ConfigType.INTEGER, "120",
                    "“5+2”模式：每天至少开展2小时（分钟）", "001 §三(一)"),
            new ConfigKey(PRIMARY_END, ConfigType.TIME, "17:30",
                    "小学1-6年级结束时间5:30左右（作为最早结束时间）", "001 §三(一)"),
            new ConfigKey(JUNIOR_END, ConfigType.TIME, "18:30",
                    "初中结束时间6:30左右（作为最早结束时间）", "001 §三(一)"),
            new ConfigKey(OFF_WORK_TIME, ConfigType.TIME, "17:30",
                    "正常下班时间：城市学校原则上不早于此时结束（001 未写时刻，默认取小学结束时间17:30）", "001 §三(一)"),
            new ConfigKey(RURAL_TOWNS, ConfigType.STRING_LIST, "郭家沱,鱼嘴,复盛,五宝",
                    "可根据路程、交通、气候自行安排结束时间的农村和边远地区（写“鱼嘴”或“鱼嘴镇”均可）", "001 §三(一)"),
            new ConfigKey(COUNTED_PERIODS, ConfigType.INTEGER, "2",
                    "课后服务原则上按照两课时安排（作业管理、素质提升）", "001 §三(四)"),
            new ConfigKey(FEE_FUNDING_MODES, ConfigType.STRING_LIST, "FISCAL_SUBSIDY,SERVICE_FEE,COLLECTION_ON_BEHALF",
                    "经费筹措方式：财政补贴 FISCAL_SUBSIDY、服务性收费 SERVICE_FEE、代收费 COLLECTION_ON_BEHALF", "001 §四(三)"),
            new ConfigKey(CAP_PER_DAILY_PERIOD, ConfigType.MONEY, null,
                    "每天一课时的课后服务每生每学期收费标准（元）；001 未定金额，未设置前不得收费", "001 §五(二)3"),
            new ConfigKey(PRIMARY_PERIOD_MINUTES, ConfigType.INTEGER, null,
                    "小学实行课后服务之前的正常课时长度（分钟），计费以此为基础；未设置前不得收费", "001 §五(二)4"),
            new ConfigKey(JUNIOR_PERIOD_MINUTES, ConfigType.INTEGER, null,
                    "初中实行课后服务之前的正常课时长度（分钟），计费以此为基础；未设置前不得收费", "001 §五(二)4"),
            new ConfigKey(PLAN_FILING_LEAD_DAYS, ConfigType.INTEGER, "7",
                    "每学期开学前一周（天数）将课后服务实施方案报区教委基础教育科备案", "001 §四(一)"),
            new ConfigKey(MOE_REPORT_MONTHS, ConfigType.STRING_LIST, "3,9",
                    "每年在这些月份通过教育部直报系统更新课后服务开展情况（月份 1–12，如 3,9）", "001 §四(一)"));

    /** 001 §四(三): 采取财政补贴、服务性收费或代收费等方式. */
    enum FundingMode {
        FISCAL_SUBSIDY("财政补贴"),
        SERVICE_FEE("服务性收费"),
        COLLECTION_ON_BEHALF("代收费");

        final String zh;

        FundingMode(String zh) {
            this.zh = zh;
        }
    }

    /** The modes named in {@link #FEE_FUNDING_MODES}, by code or Chinese name; an unknown name grants nothing. */
    static Set<FundingMode> fundingModes(PluginConfig config) {
        Set<FundingMode> modes = EnumSet.noneOf(FundingMode.class);
        for (String item : config.list(FEE_FUNDING_MODES)) {
            for (FundingMode mode : FundingMode.values()) {
                if (mode.name().equals(item.toUpperCase(Locale.ROOT)) || mode.zh.equals(item)) {
                    modes.add(mode);
                }
            }
        }
        return modes;
    }

    /** The months of {@link #MOE_REPORT_MONTHS}: "3", "03", "3月" or "MARCH". */
    static Set<Month> moeReportMonths(PluginConfig config) {
        Set<Month> months = EnumSet.noneOf(Month.class);
        for (String item : config.list(MOE_REPORT_MONTHS)) {
            String value = item.endsWith("月") ? item.substring(0, item.length() - 1).strip() : item;
            try {
                months.add(value.chars().allMatch(Character::isDigit)
                        ? Month.of(Integer.parseInt(value)) : Month.valueOf(value.toUpperCase(Locale.ROOT)));
            } catch (RuntimeException e) {
                // STRING_LIST cannot be validated by the schema: fail loudly rather than drop a due month
                throw new IllegalStateException("config " + MOE_REPORT_MONTHS + ": '" + item + "' is not a month", e);
            }
        }
        return months;
    }

    /**
     * A town as 001 names it: "鱼嘴镇", "郭家沱街道" and "鱼嘴" are the same place, so the list
     * and a school's {@code ruralTown} compare without the 镇/乡/街道 suffix.
     */
    static String townName(String town) {
        String name = town.strip();
        for (String suffix : new String[] {"街道办事处", "街道", "镇", "乡"}) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private JiangbeiConfig() {
    }
}
