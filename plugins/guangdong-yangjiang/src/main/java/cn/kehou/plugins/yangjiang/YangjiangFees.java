package cn.kehou.plugins.yangjiang;

import static cn.kehou.plugins.yangjiang.YangjiangRule.HARDSHIP_REDUCTION;
import static cn.kehou.plugins.yangjiang.YangjiangRule.LOCAL_RATE;
import static cn.kehou.plugins.yangjiang.YangjiangRule.PROVIDER_BELOW_OFF_CAMPUS;
import static cn.kehou.plugins.yangjiang.YangjiangRule.PUBLIC_NOTICE;

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
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.plugin.api.Waiver;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/** 000 §六(一): basic care at the local rate, providers below their off-campus price, hardship waivers. */
@Extension
public class YangjiangFees implements FeeSchedule {

    private static final String CHANNEL = "阳江市义务教育“双减”服务管理平台及学校";

    /** 000 §二(四): 课后服务应当公示服务内容、服务方式、安全保障、费用标准等事项. */
    static final List<PublicationRequirement> REQUIRED_PUBLICATIONS = List.of(
            new PublicationRequirement(PublicationItem.SERVICE_CONTENT, CHANNEL, PUBLIC_NOTICE.citation),
            new PublicationRequirement(PublicationItem.SERVICE_METHOD, CHANNEL, PUBLIC_NOTICE.citation),
            new PublicationRequirement(PublicationItem.SAFETY_MEASURES, CHANNEL, PUBLIC_NOTICE.citation),
            new PublicationRequirement(PublicationItem.FEE_AMOUNT, CHANNEL, PUBLIC_NOTICE.citation));

    @Override
    public FeeDecision price(PolicyContext ctx, FeeRequest request) {
        if (!YangjiangServiceWindow.offered(ctx, request.kind())) {
            return FeeDecision.refuse(List.of(YangjiangServiceWindow.notOffered(request.kind())));
        }
        var refusals = new ArrayList<Reason>();
        long proposed = request.proposedPerTermFen();
        // 000 §六(一)1: 各地各学校课后服务收费按照当地原收费标准收费 — the rate differs by county,
        // so until the tenant sets it nothing can be charged (fail closed)
        if (request.kind() == ServiceKind.BASIC_CARE && !request.providerCourse()) {
            if (!ctx.config().has(YangjiangConfig.BASIC_CARE_LOCAL_RATE)) {
                refusals.add(LOCAL_RATE.reason("FEE_LOCAL_RATE_NOT_SET",
                        "基础托管按当地原收费标准收费，本地收费标准尚未设置",
                        "basic care is charged at the local original rate, which has not been set for this tenant"));
            } else if (proposed > ctx.config().money(YangjiangConfig.BASIC_CARE_LOCAL_RATE)) {
                long rate = ctx.config().money(YangjiangConfig.BASIC_CARE_LOCAL_RATE);
                refusals.add(LOCAL_RATE.reason("FEE_ABOVE_LOCAL_RATE",
                        "基础托管拟收 " + Money.yuan(proposed) + " 元，超过当地原收费标准 " + Money.yuan(rate) + " 元",
                        "basic care at " + Money.yuan(proposed) + " CNY exceeds the local rate of " + Money.yuan(rate)));
            }
        }
        // 000 §六(一)2: 收费标准要明显低于培训机构在校外提供同质培训服务的收费标准
        if (request.providerCourse()) {
            int percent = ctx.config().integer(YangjiangConfig.PROVIDER_PERCENT_OF_OFF_CAMPUS);
            Long offCampus = request.providerOffCampusFen();
            if (offCampus == null) {
                refusals.add(PROVIDER_BELOW_OFF_CAMPUS.reason("OFF_CAMPUS_PRICE_MISSING",
                        "第三方机构课程须提供其校外同质培训收费标准以作比较",
                        "a provider course needs the provider's off-campus price for the same course"));
            } else if (proposed * 100 >= offCampus * percent) {
                refusals.add(PROVIDER_BELOW_OFF_CAMPUS.reason("PROVIDER_PRICE_NOT_BELOW_OFF_CAMPUS",
                        "机构校内收费 " + Money.yuan(proposed) + " 元须低于其校外收费 " + Money.yuan(offCampus) + " 元的 "
                                + percent + "%",
                        "the provider's price " + Money.yuan(proposed) + " CNY must be below " + percent
                                + "% of its off-campus price " + Money.yuan(offCampus)));
            }
        }
        if (!refusals.isEmpty()) {
            return FeeDecision.refuse(refusals);
        }
        return FeeDecision.accept(proposed, hardshipWaivers(ctx, request));
    }

    @Override
    public List<PublicationRequirement> publicationRequirements(PolicyContext ctx) {
        return REQUIRED_PUBLICATIONS;
    }

    @Override
    public Optional<Period> recostingInterval(PolicyContext ctx) {
        return Optional.empty(); // 000 sets no re-costing cycle
    }

    // 000 §六(一)2: 对经济困难家庭学生参与课后服务，应参照学生资助政策予减免 — student aid is public money
    private static List<Waiver> hardshipWaivers(PolicyContext ctx, FeeRequest request) {
        var hardship = ctx.config().enums(YangjiangConfig.HARDSHIP_GROUPS, PriorityGroup.class);
        int percent = ctx.config().integer(YangjiangConfig.HARDSHIP_REDUCTION_PERCENT);
        long price = request.proposedPerTermFen();
        if (Collections.disjoint(hardship, request.priorityGroups()) || percent == 0 || price == 0) {
            return List.of();
        }
        long waived = (price * percent + 99) / 100; // rounded in the family's favour
        var kind = waived == price ? Waiver.Kind.HARDSHIP_EXEMPTION : Waiver.Kind.HARDSHIP_REDUCTION;
        return List.of(new Waiver(kind, waived, Payer.GOVERNMENT, HARDSHIP_REDUCTION.citation));
    }
}
