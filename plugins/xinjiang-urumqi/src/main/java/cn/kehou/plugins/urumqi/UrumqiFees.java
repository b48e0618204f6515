package cn.kehou.plugins.urumqi;

import static cn.kehou.plugins.urumqi.UrumqiRule.FEE_CAP;
import static cn.kehou.plugins.urumqi.UrumqiRule.HARDSHIP_REDUCTION;
import static cn.kehou.plugins.urumqi.UrumqiRule.PUBLIC_NOTICE;
import static cn.kehou.plugins.urumqi.UrumqiRule.PUBLISH_BEFORE_CHARGING;
import static cn.kehou.plugins.urumqi.UrumqiRule.YEARLY_RECOSTING;

import cn.kehou.plugin.api.FeeDecision;
import cn.kehou.plugin.api.FeeRequest;
import cn.kehou.plugin.api.FeeSchedule;
import cn.kehou.plugin.api.Money;
import cn.kehou.plugin.api.Payer;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.PriorityGroup;
import cn.kehou.plugin.api.PublicationItem;
import cn.kehou.plugin.api.PublicationRequirement;
import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.Waiver;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/** 004 §四(五) and §五(一): a per-daily-hour cap, yearly re-costing, hardship waivers, publication first. */
@Extension
public class UrumqiFees implements FeeSchedule {

    private static final String FEE_NETWORK = "《新疆收费管理信息网》（市价格主管部门审核公示）";
    private static final String NOTICE_BOARD = "学校公示栏";

    /** 004 §四(五) and §二(一): what must be public before the first charge. */
    static final List<PublicationRequirement> REQUIRED_PUBLICATIONS = List.of(
            new PublicationRequirement(PublicationItem.FEE_ITEM, FEE_NETWORK, PUBLISH_BEFORE_CHARGING.citation),
            new PublicationRequirement(PublicationItem.FEE_AMOUNT, FEE_NETWORK, PUBLISH_BEFORE_CHARGING.citation),
            new PublicationRequirement(PublicationItem.LEGAL_BASIS, FEE_NETWORK, PUBLISH_BEFORE_CHARGING.citation),
            new PublicationRequirement(PublicationItem.COMPLAINT_PHONE, FEE_NETWORK, PUBLISH_BEFORE_CHARGING.citation),
            new PublicationRequirement(PublicationItem.SERVICE_TIME, NOTICE_BOARD, PUBLIC_NOTICE.citation),
            new PublicationRequirement(PublicationItem.SERVICE_METHOD, NOTICE_BOARD, PUBLIC_NOTICE.citation),
            new PublicationRequirement(PublicationItem.SERVICE_CONTENT, NOTICE_BOARD, PUBLIC_NOTICE.citation),
            new PublicationRequirement(PublicationItem.FEE_AMOUNT, NOTICE_BOARD, PUBLIC_NOTICE.citation),
            new PublicationRequirement(PublicationItem.SAFETY_MEASURES, NOTICE_BOARD, PUBLIC_NOTICE.citation));

    @Override
    public FeeDecision price(PolicyContext ctx, FeeRequest request) {
        if (!UrumqiServiceWindow.offered(ctx, request.kind())) {
            return FeeDecision.refuse(List.of(UrumqiServiceWindow.notOffered(request.kind())));
        }
        var refusals = new ArrayList<Reason>();
        // 004 §四(五): 参加课后服务一小时的学生按不超过200元/生/学期; the day is capped at §三(三)'s 2 hours
        int billableMinutes = Math.min(request.dailyMinutes(), ctx.config().integer(UrumqiConfig.WINDOW_MAX_MINUTES));
        long capPerHour = ctx.config().money(UrumqiConfig.FEE_CAP_PER_DAILY_HOUR);
        long cap = capPerHour * billableMinutes / 60;
        if (request.proposedPerTermFen() > cap) {
            refusals.add(FEE_CAP.reason("FEE_ABOVE_CAP",
                    "每天 " + billableMinutes + " 分钟的课后服务每生每学期不超过 " + Money.yuan(cap) + " 元（每天一小时 "
                            + Money.yuan(capPerHour) + " 元），拟收 " + Money.yuan(request.proposedPerTermFen()) + " 元",
                    "for " + billableMinutes + " minutes a day the cap is " + Money.yuan(cap) + " CNY per term ("
                            + Money.yuan(capPerHour) + " per daily hour); proposed " + Money.yuan(request.proposedPerTermFen())));
        }
        // 004 §五(一): 每一年对课后服务收费进行一次成本核算
        int months = ctx.config().integer(UrumqiConfig.FEE_RECOSTING_MONTHS);
        if (request.costedOn() == null) {
            refusals.add(YEARLY_RECOSTING.reason("FEE_NOT_COSTED",
                    "收费标准尚未经成本核算", "the fee has not been costed"));
        } else if (ctx.date().isAfter(request.costedOn().plusMonths(months))) {
            refusals.add(YEARLY_RECOSTING.reason("FEE_RECOSTING_DUE",
                    "收费成本核算（" + request.costedOn() + "）已超过 " + months + " 个月，须重新核算",
                    "the fee was costed on " + request.costedOn() + ", more than " + months + " months ago: re-cost it"));
        }
        if (!refusals.isEmpty()) {
            return FeeDecision.refuse(refusals);
        }
        return FeeDecision.accept(request.proposedPerTermFen(), hardshipWaivers(ctx, request));
    }

    @Override
    public List<PublicationRequirement> publicationRequirements(PolicyContext ctx) {
        return REQUIRED_PUBLICATIONS;
    }

    @Override
    public Optional<Period> recostingInterval(PolicyContext ctx) {
        return Optional.of(Period.ofMonths(ctx.config().integer(UrumqiConfig.FEE_RECOSTING_MONTHS)));
    }

    // 004 §四(五): 对经济困难家庭学生可减免相关费用 — booked to the budget, since fees are public revenue (§四(五))
    private static List<Waiver> hardshipWaivers(PolicyContext ctx, FeeRequest request) {
        var hardship = ctx.config().enums(UrumqiConfig.HARDSHIP_GROUPS, PriorityGroup.class);
        int percent = ctx.config().integer(UrumqiConfig.HARDSHIP_REDUCTION_PERCENT);
        long price = request.proposedPerTermFen();
        if (Collections.disjoint(hardship, request.priorityGroups()) || percent == 0 || price == 0) {
            return List.of();
        }
        long waived = (price * percent + 99) / 100; // rounded in the family's favour
        var kind = waived == price ? Waiver.Kind.HARDSHIP_EXEMPTION : Waiver.Kind.HARDSHIP_REDUCTION;
        return List.of(new Waiver(kind, waived, Payer.GOVERNMENT, HARDSHIP_REDUCTION.citation));
    }
}
