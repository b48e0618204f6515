package cn.kehou.plugins.yangjiang;

import static cn.kehou.plugins.yangjiang.YangjiangRule.BASIC_CARE_CONTENT;
import static cn.kehou.plugins.yangjiang.YangjiangRule.HOLIDAY_CARE;
import static cn.kehou.plugins.yangjiang.YangjiangRule.NO_COMMERCIAL_PROMOTION;
import static cn.kehou.plugins.yangjiang.YangjiangRule.PLAN_APPROVED_BEFORE_USE;
import static cn.kehou.plugins.yangjiang.YangjiangRule.PUBLIC_NOTICE;
import static cn.kehou.plugins.yangjiang.YangjiangRule.QUALITY_COURSES_NON_ACADEMIC;

import cn.kehou.plugin.api.ComplianceDuty;
import cn.kehou.plugin.api.ComplianceDuty.Recurrence;
import cn.kehou.plugin.api.ComplianceRules;
import cn.kehou.plugin.api.ContentTag;
import cn.kehou.plugin.api.CourseContent;
import cn.kehou.plugin.api.Decision;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.PublicationItem;
import cn.kehou.plugin.api.PublicationRequirement;
import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.ServiceKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.pf4j.Extension;

/** Plan approval, publication, content limits and the duties seed 000 puts on schools and the bureau. */
@Extension
public class YangjiangCompliance implements ComplianceRules {

    private static final Set<ContentTag> ACADEMIC = EnumSet.of(ContentTag.NEW_LESSON, ContentTag.COLLECTIVE_TEACHING,
            ContentTag.ACADEMIC_SUBJECT);

    private static final List<ComplianceDuty> DUTIES = List.of(
            duty("PLAN_APPROVAL", "学校课后服务实施方案报教育部门审核同意", "Have the school's plan approved by the bureau",
                    Recurrence.BEFORE_TERM, PLAN_APPROVED_BEFORE_USE),
            duty("FUND_RULES_FILING", "本校课后服务经费管理办法上报教育局审核备案", "File the school's fund rules with the bureau",
                    Recurrence.BEFORE_TERM, YangjiangRule.LEDGER_PUBLISHED),
            duty("SERVICE_NOTICE", "公示服务内容、服务方式、安全保障、费用标准", "Publish content, form, safety measures and fees",
                    Recurrence.BEFORE_SERVICE, PUBLIC_NOTICE),
            duty("SAFETY_COMMITMENTS", "与第三方机构和家长签订安全责任书", "Sign safety commitments with providers and parents",
                    Recurrence.BEFORE_SERVICE, YangjiangRule.SAFETY_COMMITMENTS),
            duty("STAFF_VETTING_FILING", "入校人员资质和身体条件审核材料报教育局备案", "File vetting of everyone who comes into school",
                    Recurrence.BEFORE_SERVICE, YangjiangRule.STAFF_VETTED),
            duty("COURSE_LIST_RENEWAL", "向平台上报本学期课程（名称、内容、时间、班额、收费、安全措施）",
                    "Submit this term's courses to the platform", Recurrence.TERMLY, YangjiangRule.COURSES_RENEWED_EACH_TERM),
            duty("LEDGER_RECONCILIATION", "与平台汇总服务学生名单、收缴费用和支出明细并公示",
                    "Reconcile students, fees and spending with the platform and publish them", Recurrence.TERMLY,
                    YangjiangRule.LEDGER_PUBLISHED),
            duty("PROVIDER_BLACKLIST", "公布不符合服务条件的第三方机构黑名单", "Publish the provider blacklist",
                    Recurrence.YEARLY, YangjiangRule.PROVIDER_BLACKLIST));

    @Override
    public Decision checkPlanFiling(PolicyContext ctx, LocalDate termStart, LocalDate filedOrApprovedOn, boolean approved) {
        // 000 §七(三)1: 实施方案要报送教育部门审核同意后执行 — filing alone is not enough
        if (!approved || filedOrApprovedOn == null) {
            return Decision.refuse(PLAN_APPROVED_BEFORE_USE.reason("PLAN_NOT_APPROVED",
                    "学校课后服务实施方案须经教育部门审核同意后执行", "the school's plan must be approved by the education bureau"));
        }
        if (filedOrApprovedOn.isAfter(termStart)) {
            return Decision.refuse(PLAN_APPROVED_BEFORE_USE.reason("PLAN_APPROVED_AFTER_TERM_START",
                    "实施方案 " + filedOrApprovedOn + " 才获同意，晚于开学（" + termStart + "）",
                    "the plan was approved on " + filedOrApprovedOn + ", after the term started on " + termStart));
        }
        return Decision.allow();
    }

    @Override
    public Decision checkFeePublication(PolicyContext ctx, Set<PublicationItem> published) {
        // 000 §二(四): 公示服务内容、服务方式、安全保障、费用标准等事项
        var missing = new TreeSet<PublicationItem>();
        for (PublicationRequirement required : YangjiangFees.REQUIRED_PUBLICATIONS) {
            if (!published.contains(required.item())) {
                missing.add(required.item());
            }
        }
        if (missing.isEmpty()) {
            return Decision.allow();
        }
        return Decision.refuse(PUBLIC_NOTICE.reason("FEE_NOT_PUBLISHED",
                "收费前须公示：" + String.join("、", missing.stream().map(i -> i.zh).toList()),
                "publish before charging: " + missing));
    }

    @Override
    public Decision checkContent(PolicyContext ctx, CourseContent content) {
        if (!YangjiangServiceWindow.offered(ctx, content.kind())) {
            return Decision.refuse(YangjiangServiceWindow.notOffered(content.kind()));
        }
        var refusals = new ArrayList<Reason>();
        var notes = new ArrayList<Reason>();
        boolean academic = !Collections.disjoint(ACADEMIC, content.tags());
        // 000 §四(三)(1): 基础托管…组织开展学生自主阅读、完成作业、答疑释疑等服务
        if (academic && content.kind() == ServiceKind.BASIC_CARE) {
            refusals.add(BASIC_CARE_CONTENT.reason("CONTENT_NOT_BASIC_CARE",
                    "基础托管为自主阅读、完成作业、答疑释疑，不得上新课或集体补课",
                    "basic care is reading, homework and questions: no new lessons or collective tutoring"));
        }
        // 000 §四(三)(2): 非学科类素质拓展课程
        if (academic && content.kind() == ServiceKind.QUALITY_COURSE) {
            refusals.add(QUALITY_COURSES_NON_ACADEMIC.reason("CONTENT_ACADEMIC_SUBJECT",
                    "素质拓展课程须为非学科类", "quality courses must be non-academic"));
        }
        // 000 §三(三): 假期托管服务内容以非学科类素质拓展课程为主
        if (academic && content.kind() == ServiceKind.HOLIDAY_CARE) {
            notes.add(HOLIDAY_CARE.reason("CONTENT_MAINLY_NON_ACADEMIC",
                    "假期托管以非学科类素质拓展课程为主", "holiday care is mainly non-academic courses"));
        }
        // 000 §七(四)2: 第三方机构服务不得带有任何商业推广和商业隐含元素 — selling materials is one
        if (content.tags().contains(ContentTag.COMMERCIAL_PROMOTION)
                || (content.providerCourse() && content.tags().contains(ContentTag.MATERIAL_SALE))) {
            refusals.add(NO_COMMERCIAL_PROMOTION.reason("CONTENT_COMMERCIAL_PROMOTION",
                    "课后服务不得带有任何商业推广和商业隐含元素", "no commercial promotion or commercial elements of any kind"));
        }
        return refusals.isEmpty() ? Decision.allow(notes.toArray(Reason[]::new)) : Decision.refuseIfAny(refusals);
    }

    @Override
    public List<ComplianceDuty> duties(PolicyContext ctx) {
        return DUTIES;
    }

    private static ComplianceDuty duty(String code, String zh, String en, Recurrence recurrence, YangjiangRule rule) {
        return new ComplianceDuty(code, zh, en, recurrence, Set.of(), rule.citation);
    }
}
