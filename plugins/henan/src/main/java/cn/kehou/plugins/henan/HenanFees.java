package cn.kehou.plugins.henan;

import static cn.kehou.plugins.henan.HenanRule.FEE_GUIDANCE_RANGE;
import static cn.kehou.plugins.henan.HenanRule.FREE_TUTORING;
import static cn.kehou.plugins.henan.HenanRule.INFORM_FAMILIES;
import static cn.kehou.plugins.henan.HenanRule.PUBLIC_DISCLOSURE;
import static cn.kehou.plugins.henan.HenanRule.REGISTERED_POOR_FREE;

import cn.kehou.plugin.api.FeeDecision;
import cn.kehou.plugin.api.FeeRequest;
import cn.kehou.plugin.api.FeeSchedule;
import cn.kehou.plugin.api.Money;
import cn.kehou.plugin.api.Payer;
import cn.kehou.plugin.api.PluginConfig;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.PriorityGroup;
import cn.kehou.plugin.api.PublicationItem;
import cn.kehou.plugin.api.PublicationRequirement;
import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.plugin.api.Waiver;
import java.time.Period;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * 002 §四(三): a service fee within the city's guidance range; §二(四): 建档立卡 children free, the
 * government bearing their fee; §三(三): free tutoring is free; §二(五), §三(四): what is public first.
 */
@Extension
public class HenanFees implements FeeSchedule {

    private static final String TO_SOCIETY = "向社会公开";
    private static final String TO_FAMILIES = "主动告知学生、家长";

    /** 002 §二(五) to the public, §三(四) to the families: before the first charge. */
    static final List<PublicationRequirement> REQUIRED_PUBLICATIONS = List.of(
            new PublicationRequirement(PublicationItem.SERVICE_METHOD, TO_SOCIETY, PUBLIC_DISCLOSURE.citation),
            new PublicationRequirement(PublicationItem.SERVICE_CONTENT, TO_SOCIETY, PUBLIC_DISCLOSURE.citation),
            new PublicationRequirement(PublicationItem.SAFETY_MEASURES, TO_SOCIETY, PUBLIC_DISCLOSURE.citation),
            new PublicationRequirement(PublicationItem.FEE_AMOUNT, TO_SOCIETY, PUBLIC_DISCLOSURE.citation),
            new PublicationRequirement(PublicationItem.SERVICE_TIME, TO_FAMILIES, INFORM_FAMILIES.citation),
            new PublicationRequirement(PublicationItem.SERVICE_CONTENT, TO_FAMILIES, INFORM_FAMILIES.citation),
            new PublicationRequirement(PublicationItem.SERVICE_METHOD, TO_FAMILIES, INFORM_FAMILIES.citation),
            new PublicationRequirement(PublicationItem.FEE_ITEM, TO_FAMILIES, INFORM_FAMILIES.citation),
            new PublicationRequirement(PublicationItem.SAFETY_MEASURES, TO_FAMILIES, INFORM_FAMILIES.citation));

    @Override
    public FeeDecision price(PolicyContext ctx, FeeRequest request) {
        if (!HenanServiceWindow.offered(ctx, request.kind())) {
            return FeeDecision.refuse(List.of(HenanServiceWindow.notOffered(request.kind())));
        }
        long proposed = request.proposedPerTermFen();
        // 002 §三(三): 提倡对个别学习有困难的学生给予免费辅导帮助
        if (request.kind() == ServiceKind.FREE_TUTORING) {
            if (proposed > 0) {
                return FeeDecision.refuse(List.of(FREE_TUTORING.reason("FREE_TUTORING_CHARGED",
                        "对学习有困难学生的辅导是免费的，不得收费（拟收 " + Money.yuan(proposed) + " 元）",
                        "tutoring for students who struggle is free; it cannot be charged (proposed "
                                + Money.yuan(proposed) + " CNY)")));
            }
            return FeeDecision.accept(0, List.of());
        }
        // 002 §四(三): 采取服务性收费予以补充的 — the guidance governs a fee that is charged; a school
        // whose costs the government bears in full charges nothing and needs no guidance
        if (proposed == 0) {
            return FeeDecision.accept(0, List.of());
        }
        Optional<Reason> outsideGuidance = outsideGuidance(ctx.config(), proposed);
        if (outsideGuidance.isPresent()) {
            return FeeDecision.refuse(List.of(outsideGuidance.get()));
        }
        return FeeDecision.accept(proposed, freeServiceWaivers(ctx, request));
    }

    @Override
    public List<PublicationRequirement> publicationRequirements(PolicyContext ctx) {
        return REQUIRED_PUBLICATIONS;
    }

    @Override
    public Optional<Period> recostingInterval(PolicyContext ctx) {
        return Optional.empty(); // 002 sets no re-costing cycle
    }

    // 002 §四(三): 收费标准…由市价格主管部门会同教育部门…提出指导意见，报市政府批准后向社会公布执行 —
    // the range is the city's, so until the tenant sets it nothing is charged (fail closed)
    private static Optional<Reason> outsideGuidance(PluginConfig config, long proposed) {
        if (!config.has(HenanConfig.GUIDANCE_MIN) || !config.has(HenanConfig.GUIDANCE_MAX)) {
            return Optional.of(FEE_GUIDANCE_RANGE.reason("FEE_GUIDANCE_NOT_SET",
                    "市价格主管部门的课后服务收费指导范围尚未设置，暂不得收费",
                    "the city's after-school fee guidance range has not been set; nothing may be charged yet"));
        }
        long min = config.money(HenanConfig.GUIDANCE_MIN);
        long max = config.money(HenanConfig.GUIDANCE_MAX);
        String range = Money.yuan(min) + "–" + Money.yuan(max);
        if (min > max) {
            return Optional.of(FEE_GUIDANCE_RANGE.reason("FEE_GUIDANCE_INVALID",
                    "收费指导下限 " + Money.yuan(min) + " 元高于上限 " + Money.yuan(max) + " 元，请更正设置",
                    "the guidance minimum " + Money.yuan(min) + " CNY is above its maximum " + Money.yuan(max) + ": correct it"));
        }
        if (proposed > max) {
            return Optional.of(FEE_GUIDANCE_RANGE.reason("FEE_ABOVE_GUIDANCE",
                    "拟收 " + Money.yuan(proposed) + " 元/生/学期，超出市收费指导范围 " + range + " 元",
                    "the proposed " + Money.yuan(proposed) + " CNY per term is above the city's guidance of " + range + " CNY"));
        }
        if (proposed < min) {
            return Optional.of(FEE_GUIDANCE_RANGE.reason("FEE_BELOW_GUIDANCE",
                    "拟收 " + Money.yuan(proposed) + " 元/生/学期，低于市收费指导范围 " + range + " 元",
                    "the proposed " + Money.yuan(proposed) + " CNY per term is below the city's guidance of " + range + " CNY"));
        }
        return Optional.empty();
    }

    // 002 §二(四): 对建档立卡贫困家庭子女要提供免费服务 — the whole fee, borne by the government
    // (the cost is shared by government and parents, and these parents pay nothing)
    private static List<Waiver> freeServiceWaivers(PolicyContext ctx, FeeRequest request) {
        Set<PriorityGroup> free = ctx.config().enums(HenanConfig.FREE_GROUPS, PriorityGroup.class);
        if (Collections.disjoint(free, request.priorityGroups())) {
            return List.of();
        }
        return List.of(new Waiver(Waiver.Kind.HARDSHIP_EXEMPTION, request.proposedPerTermFen(), Payer.GOVERNMENT,
                REGISTERED_POOR_FREE.citation));
    }
}
