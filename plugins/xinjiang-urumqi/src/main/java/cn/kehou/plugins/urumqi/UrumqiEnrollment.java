package cn.kehou.plugins.urumqi;

import static cn.kehou.plugins.urumqi.UrumqiRule.APPLICATION_FLOW;
import static cn.kehou.plugins.urumqi.UrumqiRule.DAY_STUDENTS_ONLY;
import static cn.kehou.plugins.urumqi.UrumqiRule.PRIORITY_GROUPS;
import static cn.kehou.plugins.urumqi.UrumqiRule.PUBLIC_SCHOOLS_ONLY;
import static cn.kehou.plugins.urumqi.UrumqiRule.RURAL_SCHOOLS_BY_COUNTY;
import static cn.kehou.plugins.urumqi.UrumqiRule.TERM_IS_FIXED_PERIOD;
import static cn.kehou.plugins.urumqi.UrumqiRule.VOLUNTARY_AGREEMENT;

import cn.kehou.plugin.api.AgreementDocument;
import cn.kehou.plugin.api.Decision;
import cn.kehou.plugin.api.EnrollmentPeriod;
import cn.kehou.plugin.api.EnrollmentRules;
import cn.kehou.plugin.api.EnrollmentStep;
import cn.kehou.plugin.api.EnrollmentTerms;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.PriorityGroup;
import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.SchoolProfile;
import cn.kehou.plugin.api.StudentProfile;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/** 004 §三(二) who, §三(四) how and for how long, §二(二) the signed voluntary agreement. */
@Extension
public class UrumqiEnrollment implements EnrollmentRules {

    // 004 §三(四): 家长申请、班级初审、学校核准、统筹安排; §二(二): 签订自愿服务协议
    private static final EnrollmentTerms TERMS = new EnrollmentTerms(
            List.of(EnrollmentStep.APPLY, EnrollmentStep.CLASS_REVIEW, EnrollmentStep.SCHOOL_REVIEW,
                    EnrollmentStep.SIGN_AGREEMENT, EnrollmentStep.PAY, EnrollmentStep.ARRANGE),
            EnrollmentPeriod.TERM_FIXED,
            List.of(new AgreementDocument("VOLUNTARY_SERVICE_AGREEMENT", "课后服务自愿服务协议",
                    "Voluntary after-school service agreement", false, VOLUNTARY_AGREEMENT.citation)),
            // 004 §三(二): 优先保障残疾儿童、留守儿童、困境儿童、进城务工人员随迁子女、家庭经济困难儿童和中低年级学生
            List.of(PriorityGroup.DISABLED, PriorityGroup.LEFT_BEHIND, PriorityGroup.IN_DISTRESS, PriorityGroup.MIGRANT,
                    PriorityGroup.ECONOMIC_HARDSHIP, PriorityGroup.REGISTERED_POOR, PriorityGroup.MINIMUM_ALLOWANCE,
                    PriorityGroup.LOWER_GRADE),
            true,
            List.of(APPLICATION_FLOW.citation, TERM_IS_FIXED_PERIOD.citation, PRIORITY_GROUPS.citation));

    @Override
    public EnrollmentTerms terms(PolicyContext ctx) {
        return TERMS;
    }

    @Override
    public Decision eligible(PolicyContext ctx, StudentProfile student) {
        SchoolProfile school = ctx.requireSchool();
        var refusals = new ArrayList<Reason>();
        // 004 §三(二): 主要为有课后服务需求的公办中小学校走读学生
        if (!school.publicSchool()) {
            refusals.add(PUBLIC_SCHOOLS_ONLY.reason("NOT_A_PUBLIC_SCHOOL",
                    school.name() + "不是公办学校，乌鲁木齐课后服务面向公办中小学校",
                    school.name() + " is not a public school; Urumqi's service is for public schools"));
        }
        if (student.boarding()) {
            refusals.add(DAY_STUDENTS_ONLY.reason("NOT_A_DAY_STUDENT",
                    "课后服务面向走读学生，住校生不参加", "the service is for day students; boarders are not eligible"));
        }
        // 004 §三(二): 农村学校是否开展课后服务由当地县级人民政府结合实际情况研究确定
        if (!school.urban() && !ctx.config().bool(UrumqiConfig.RURAL_SCHOOLS_APPROVED)) {
            refusals.add(RURAL_SCHOOLS_BY_COUNTY.reason("RURAL_SCHOOL_NOT_APPROVED",
                    "农村学校开展课后服务须经县级人民政府确定，尚未确定",
                    "a rural school runs the service only once the county government has decided so"));
        }
        return Decision.refuseIfAny(refusals);
    }
}
