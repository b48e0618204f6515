package cn.kehou.plugins.jiangbei;

import static cn.kehou.plugins.jiangbei.JiangbeiRule.FEE_BY_NORMAL_PERIODS;
import static cn.kehou.plugins.jiangbei.JiangbeiRule.FUNDING_MODES;
import static cn.kehou.plugins.jiangbei.JiangbeiRule.NO_ILLEGAL_FEES;
import static cn.kehou.plugins.jiangbei.JiangbeiRule.PUBLIC_NOTICE;

import cn.kehou.plugin.api.FeeDecision;
import cn.kehou.plugin.api.FeeRequest;
import cn.kehou.plugin.api.FeeSchedule;
import cn.kehou.plugin.api.Money;
import cn.kehou.plugin.api.PluginConfig;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.PublicationItem;
import cn.kehou.plugin.api.PublicationRequirement;
import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.SchoolLevel;
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.plugins.jiangbei.JiangbeiConfig.FundingMode;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.pf4j.Extension;

/**
 * 001 §五(二)4: fees count the school's normal class periods (课时), never more; §五(二)3: no fee
 * without the district's rate; §四(三): a fee needs a funding mode that charges families. 001 names
 * no fee reduction, so there are no waivers (its priority groups are guaranteed a place, §三(二)1).
 */
@Extension
public class JiangbeiFees implements FeeSchedule {

    private static final String CHANNEL = "学校公示栏、校园公众号、班级家长群";

    /** 001 §五(三)2: 开展原则、时间安排、收费标准、服务内容…予以公开. */
    static final List<PublicationRequirement> REQUIRED_PUBLICATIONS = List.of(
            new PublicationRequirement(PublicationItem.SERVICE_TIME, CHANNEL, PUBLIC_NOTICE.citation),
            new PublicationRequirement(PublicationItem.FEE_AMOUNT, CHANNEL, PUBLIC_NOTICE.citation),
            new PublicationRequirement(PublicationItem.SERVICE_CONTENT, CHANNEL, PUBLIC_NOTICE.citation));

    /** The two periods of §三(四) are the after-school day; basic care is its window, a quality course period 2. */
    private static final Set<ServiceKind> TWO_PERIOD_DAY = Set.of(ServiceKind.BASIC_CARE, ServiceKind.QUALITY_COURSE);

    @Override
    public FeeDecision price(PolicyContext ctx, FeeRequest request) {
        Optional<Reason> unavailable = JiangbeiServiceWindow.unavailable(ctx, request.kind());
        if (unavailable.isPresent()) {
            return FeeDecision.refuse(List.of(unavailable.get()));
        }
        long proposed = request.proposedPerTermFen();
        if (proposed == 0) {
            return FeeDecision.accept(0, List.of()); // 001 §四(三): 财政补贴 — nothing is charged, nothing to count
        }
        PluginConfig config = ctx.config();
        var refusals = new ArrayList<Reason>();
        // 001 §四(三): 采取财政补贴、服务性收费或代收费等方式 — a provider's course may be collected on its behalf
        Set<FundingMode> modes = JiangbeiConfig.fundingModes(config);
        boolean charges = modes.contains(FundingMode.SERVICE_FEE)
                || (request.providerCourse() && modes.contains(FundingMode.COLLECTION_ON_BEHALF));
        if (!charges) {
            refusals.add(FUNDING_MODES.reason("FEE_FUNDING_MODE_NOT_USED",
                    "本区" + (request.providerCourse() ? "未采用服务性收费或代收费" : "未采用服务性收费") + "，不得向家长收取 "
                            + Money.yuan(proposed) + " 元",
                    "the district uses neither " + (request.providerCourse() ? "service fees nor collection on behalf"
                            : "service fees") + ", so " + Money.yuan(proposed) + " CNY may not be charged"));
        }
        // 001 §五(二)3: 严禁以课后服务为名违规收费、乱收费 — without the district's rate every charge is irregular
        if (!config.has(JiangbeiConfig.CAP_PER_DAILY_PERIOD)) {
            refusals.add(NO_ILLEGAL_FEES.reason("FEE_RATE_NOT_SET",
                    "本区尚未设置课后服务收费标准（每天一课时每生每学期），不得收费",
                    "the district has not set its rate (per student per term per daily period), so nothing may be charged"));
        }
        // 001 §五(二)4: 计费时间必须以实行课后服务之前的正常课时为基础计算
        OptionalInt periodMinutes = normalPeriodMinutes(config, ctx.requireSchool().level(), request.kind());
        if (periodMinutes.isEmpty()) {
            refusals.add(FEE_BY_NORMAL_PERIODS.reason("FEE_PERIOD_LENGTH_NOT_SET",
                    "计费以正常课时为基础，本区尚未设置" + ctx.requireSchool().level().zh + "正常课时长度",
                    "fees count normal class periods, and the district has not set their length for "
                            + ctx.requireSchool().level()));
        }
        if (periodMinutes.isPresent() && config.has(JiangbeiConfig.CAP_PER_DAILY_PERIOD)) {
            int periods = billablePeriods(config, request, periodMinutes.getAsInt());
            long rate = config.money(JiangbeiConfig.CAP_PER_DAILY_PERIOD);
            long cap = rate * periods;
            // 001 §五(二)4: 不得随意调整课时，变相多计收课后服务费用
            if (proposed > cap) {
                refusals.add(FEE_BY_NORMAL_PERIODS.reason("FEE_ABOVE_PERIOD_RATE",
                        "每天 " + request.dailyMinutes() + " 分钟按正常课时（" + periodMinutes.getAsInt() + " 分钟）计 " + periods
                                + " 课时，每生每学期不超过 " + Money.yuan(cap) + " 元（每天一课时 " + Money.yuan(rate)
                                + " 元），拟收 " + Money.yuan(proposed) + " 元",
                        request.dailyMinutes() + " minutes a day count as " + periods + " normal periods of "
                                + periodMinutes.getAsInt() + " minutes: at most " + Money.yuan(cap) + " CNY per term ("
                                + Money.yuan(rate) + " per daily period); proposed " + Money.yuan(proposed)));
            }
        }
        return refusals.isEmpty() ? FeeDecision.accept(proposed, List.of()) : FeeDecision.refuse(refusals);
    }

    @Override
    public List<PublicationRequirement> publicationRequirements(PolicyContext ctx) {
        return REQUIRED_PUBLICATIONS;
    }

    @Override
    public Optional<Period> recostingInterval(PolicyContext ctx) {
        return Optional.empty(); // 001 sets no re-costing cycle
    }

    /**
     * Whole normal periods in the day: a shorter "period" may not be invented to count more
     * (001 §五(二)4), and the after-school day counts at most its two periods (§三(四)).
     */
    static int billablePeriods(PluginConfig config, FeeRequest request, int periodMinutes) {
        int periods = request.dailyMinutes() / periodMinutes;
        return TWO_PERIOD_DAY.contains(request.kind())
                ? Math.min(periods, config.integer(JiangbeiConfig.COUNTED_PERIODS)) : periods;
    }

    /**
     * The normal period length the fee counts in. Evening self-study is junior-only; a nine-year
     * school's day serves both sections, so it counts in the longer period: never more periods.
     */
    static OptionalInt normalPeriodMinutes(PluginConfig config, SchoolLevel level, ServiceKind kind) {
        OptionalInt primary = positive(config, JiangbeiConfig.PRIMARY_PERIOD_MINUTES);
        OptionalInt junior = positive(config, JiangbeiConfig.JUNIOR_PERIOD_MINUTES);
        if (level == SchoolLevel.JUNIOR || kind == ServiceKind.EVENING_SELF_STUDY) {
            return junior;
        }
        if (level == SchoolLevel.PRIMARY) {
            return primary;
        }
        return primary.isPresent() && junior.isPresent()
                ? OptionalInt.of(Math.max(primary.getAsInt(), junior.getAsInt())) : OptionalInt.empty();
    }

    private static OptionalInt positive(PluginConfig config, String key) {
        return config.has(key) && config.integer(key) > 0 ? OptionalInt.of(config.integer(key)) : OptionalInt.empty();
    }
}
