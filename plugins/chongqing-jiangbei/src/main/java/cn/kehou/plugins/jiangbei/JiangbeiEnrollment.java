package cn.kehou.plugins.jiangbei;

import static cn.kehou.plugins.jiangbei.JiangbeiRule.ALL_STUDENTS_PRIORITY_GUARANTEED;
import static cn.kehou.plugins.jiangbei.JiangbeiRule.FUNDING_MODES;
import static cn.kehou.plugins.jiangbei.JiangbeiRule.PARENT_AGREEMENT;
import static cn.kehou.plugins.jiangbei.JiangbeiRule.TERM_PLAN_FILED;
import static cn.kehou.plugins.jiangbei.JiangbeiRule.VOLUNTARY;

import cn.kehou.plugin.api.AgreementDocument;
import cn.kehou.plugin.api.Decision;
import cn.kehou.plugin.api.EnrollmentPeriod;
import cn.kehou.plugin.api.EnrollmentRules;
import cn.kehou.plugin.api.EnrollmentStep;
import cn.kehou.plugin.api.EnrollmentTerms;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.PriorityGroup;
import cn.kehou.plugin.api.SchoolProfile;
import cn.kehou.plugin.api.StudentProfile;
import cn.kehou.plugins.jiangbei.JiangbeiConfig.FundingMode;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * 001 §二(三) voluntary, §三(二)1 every student with priority groups guaranteed, §五(二)2 the
 * agreement with parents, §四(一) a plan (and so an offer) per term.
 */
@Extension
public class JiangbeiEnrollment implements EnrollmentRules {

    // 001 §五(二)2: 与家长签订课后服务协议书，明确学校课后服务管理制度、具体内容、服务形式和接送学生时间
    static final AgreementDocument SERVICE_AGREEMENT = new AgreementDocument("SERVICE_AGREEMENT",
            "课后服务协议书（管理制度、具体内容、服务形式、接送学生时间）",
            "After-school service agreement (rules, content, form, pickup times)", false, PARENT_AGREEMENT.citation);

    // 001 §三(二)1: 切实保障留守儿童、进城务工人员随迁子女、建档立卡贫困户、低保家庭儿童和中低年级学生等群体接受课后服务
    static final List<PriorityGroup> PRIORITY_GROUPS = List.of(PriorityGroup.LEFT_BEHIND, PriorityGroup.MIGRANT,
            PriorityGroup.REGISTERED_POOR, PriorityGroup.MINIMUM_ALLOWANCE, PriorityGroup.LOWER_GRADE);

    @Override
    public EnrollmentTerms terms(PolicyContext ctx) {
        // 001 §二(三): 自愿参加 — the family applies; §五(二)2: then signs the agreement;
        // §四(三): families pay only where the district charges (service fee or collection on behalf)
        var steps = new ArrayList<>(List.of(EnrollmentStep.APPLY, EnrollmentStep.SIGN_AGREEMENT));
        var citations = new ArrayList<>(List.of(VOLUNTARY.citation, ALL_STUDENTS_PRIORITY_GUARANTEED.citation,
                TERM_PLAN_FILED.citation));
        var modes = JiangbeiConfig.fundingModes(ctx.config());
        if (modes.contains(FundingMode.SERVICE_FEE) || modes.contains(FundingMode.COLLECTION_ON_BEHALF)) {
            steps.add(EnrollmentStep.PAY);
            citations.add(FUNDING_MODES.citation);
        }
        // 001 §四(一): 每学期制定出本校实施方案 — the offer, and so the family's choice, renews each term
        return new EnrollmentTerms(steps, EnrollmentPeriod.TERM_RENEWED, List.of(SERVICE_AGREEMENT), PRIORITY_GROUPS,
                true, citations);
    }

    @Override
    public Decision eligible(PolicyContext ctx, StudentProfile student) {
        SchoolProfile school = ctx.requireSchool();
        // 001 §三(二)1: 各中小学在校学生 — every student of the school, boarders included
        if (!school.level().teaches(student.grade())) {
            return Decision.refuse(ALL_STUDENTS_PRIORITY_GUARANTEED.reason("NOT_A_STUDENT_OF_THIS_SCHOOL",
                    school.name() + "没有 " + student.grade() + " 年级，课后服务面向本校在校学生",
                    school.name() + " has no grade " + student.grade() + "; the service is for the school's own students"));
        }
        return Decision.allow();
    }
}
