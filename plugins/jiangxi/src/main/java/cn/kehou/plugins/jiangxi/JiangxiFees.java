package cn.kehou.plugins.jiangxi;

import static cn.kehou.plugins.jiangxi.JiangxiRule.HARDSHIP_FREE;
import static cn.kehou.plugins.jiangxi.JiangxiRule.LOCAL_FEE_STANDARD;
import static cn.kehou.plugins.jiangxi.JiangxiRule.SERVICE_GUIDE;

import cn.kehou.plugin.api.FeeDecision;
import cn.kehou.plugin.api.FeeRequest;
import cn.kehou.plugin.api.FeeSchedule;
import cn.kehou.plugin.api.Money;
import cn.kehou.plugin.api.Payer;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.PriorityGroup;
import cn.kehou.plugin.api.PublicationItem;
import cn.kehou.plugin.api.PublicationRequirement;
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.plugin.api.Waiver;
import java.time.Period;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * 003 §八: each locality sets the fee standard (the province names no amount, so nothing is charged
 * until the tenant sets it); §六: students of families in hardship pay nothing; §一: the service
 * guide is out before families enrol and pay.
 */
@Extension
public class JiangxiFees implements FeeSchedule {

    private static final String GUIDE = "课后服务指南（向学生和家长宣传）";

    /**
     * 003 §一: the guide lists 办班种类 (class types → method), 课程内容, 时间安排 — and 师资安排,
     * which has no {@link PublicationItem} in API 1.0 (see {@link JiangxiCompliance#checkFeePublication}).
     */
    static final List<PublicationRequirement> REQUIRED_PUBLICATIONS = List.of(
            new PublicationRequirement(PublicationItem.SERVICE_METHOD, GUIDE, SERVICE_GUIDE.citation),
            new PublicationRequirement(PublicationItem.SERVICE_CONTENT, GUIDE, SERVICE_GUIDE.citation),
            new PublicationRequirement(PublicationItem.SERVICE_TIME, GUIDE, SERVICE_GUIDE.citation));

    @Override
    public FeeDecision price(PolicyContext ctx, FeeRequest request) {
        if (!JiangxiServiceWindow.offered(ctx, request.kind())) {
            return FeeDecision.refuse(List.of(JiangxiServiceWindow.notOffered(request.kind())));
        }
        if (request.kind() == ServiceKind.EVENING_SELF_STUDY && !JiangxiServiceWindow.teachesJuniorHigh(ctx.requireSchool())) {
            return FeeDecision.refuse(List.of(JiangxiServiceWindow.eveningSelfStudyJuniorOnly(ctx.requireSchool())));
        }
        // 003 §八: 各地…出台课后服务经费保障办法…明确收费、教师取酬标准 — the standard is local
        if (!ctx.config().has(JiangxiConfig.FEE_LOCAL_STANDARD)) {
            return FeeDecision.refuse(List.of(LOCAL_FEE_STANDARD.reason("FEE_STANDARD_NOT_SET",
                    "当地尚未明确课后服务收费标准（" + JiangxiConfig.FEE_LOCAL_STANDARD + "），不得收费",
                    "the locality has not set its after-school fee standard (" + JiangxiConfig.FEE_LOCAL_STANDARD
                            + "): nothing may be charged yet")));
        }
        long standard = ctx.config().money(JiangxiConfig.FEE_LOCAL_STANDARD);
        if (request.proposedPerTermFen() > standard) {
            return FeeDecision.refuse(List.of(LOCAL_FEE_STANDARD.reason("FEE_ABOVE_LOCAL_STANDARD",
                    "拟收 " + Money.yuan(request.proposedPerTermFen()) + " 元，超过当地收费标准 " + Money.yuan(standard)
                            + " 元/生/学期",
                    "proposed " + Money.yuan(request.proposedPerTermFen()) + " CNY is above the local standard of "
                            + Money.yuan(standard) + " CNY per student per term")));
        }
        return FeeDecision.accept(request.proposedPerTermFen(), hardshipWaivers(ctx, request));
    }

    @Override
    public List<PublicationRequirement> publicationRequirements(PolicyContext ctx) {
        return REQUIRED_PUBLICATIONS;
    }

    @Override
    public Optional<Period> recostingInterval(PolicyContext ctx) {
        return Optional.empty(); // 003 sets no re-costing cycle
    }

    // 003 §六: 对家庭困难的学生免收服务费用 — the whole fee; booked to the government, which
    // shares the cost through its subsidy (§八: 财政补贴…成本分担机制)
    private static List<Waiver> hardshipWaivers(PolicyContext ctx, FeeRequest request) {
        Set<PriorityGroup> hardship = ctx.config().enums(JiangxiConfig.HARDSHIP_GROUPS, PriorityGroup.class);
        if (Collections.disjoint(hardship, request.priorityGroups()) || request.proposedPerTermFen() == 0) {
            return List.of();
        }
        return List.of(new Waiver(Waiver.Kind.HARDSHIP_EXEMPTION, request.proposedPerTermFen(), Payer.GOVERNMENT,
                HARDSHIP_FREE.citation));
    }
}
