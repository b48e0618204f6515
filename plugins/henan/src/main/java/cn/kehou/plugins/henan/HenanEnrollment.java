package cn.kehou.plugins.henan;

import static cn.kehou.plugins.henan.HenanRule.APPLICATION_FLOW;
import static cn.kehou.plugins.henan.HenanRule.ENROLLED_STUDENTS;
import static cn.kehou.plugins.henan.HenanRule.PRIORITY_GROUPS;
import static cn.kehou.plugins.henan.HenanRule.SERVICE_AGREEMENT;

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
import java.util.List;
import org.pf4j.Extension;

/** 002 §三(一) who, §三(四) through which steps, §四(四) the agreement families sign. */
@Extension
public class HenanEnrollment implements EnrollmentRules {

    private static final EnrollmentTerms TERMS = new EnrollmentTerms(
            // 002 §三(四): 家长自愿申请、班级初审、学校核准、统筹安排
            List.of(EnrollmentStep.APPLY, EnrollmentStep.CLASS_REVIEW, EnrollmentStep.SCHOOL_REVIEW, EnrollmentStep.ARRANGE),
            // 002 fixes no enrollment period; fees and plans are per term, and participation stays
            // voluntary (§二(三)), so choices renew each term
            EnrollmentPeriod.TERM_RENEWED,
            // 002 §四(四): 学校与家长签定课后服务协议书
            List.of(new AgreementDocument("SERVICE_AGREEMENT", "课后服务协议书", "After-school service agreement",
                    false, SERVICE_AGREEMENT.citation)),
            // 002 §三(一): 优先保障残疾儿童、留守儿童、进城务工人员随迁子女、家庭经济困难学生等亟需服务群体;
            // 建档立卡 and 低保 are certified kinds of 家庭经济困难
            List.of(PriorityGroup.DISABLED, PriorityGroup.LEFT_BEHIND, PriorityGroup.MIGRANT,
                    PriorityGroup.ECONOMIC_HARDSHIP, PriorityGroup.REGISTERED_POOR, PriorityGroup.MINIMUM_ALLOWANCE),
            true,
            List.of(APPLICATION_FLOW.citation, PRIORITY_GROUPS.citation));

    @Override
    public EnrollmentTerms terms(PolicyContext ctx) {
        return TERMS;
    }

    @Override
    public Decision eligible(PolicyContext ctx, StudentProfile student) {
        SchoolProfile school = ctx.requireSchool();
        // 002 §三(一): 课后服务对象是有服务需求的义务教育阶段本校在读学生 — boarders and private
        // schools included; a grade the school does not teach cannot be one of its students
        if (!school.level().teaches(student.grade())) {
            return Decision.refuse(ENROLLED_STUDENTS.reason("NOT_A_STUDENT_OF_THIS_SCHOOL",
                    school.name() + "（" + school.level().zh + "）没有 " + student.grade() + " 年级，课后服务面向本校在读学生",
                    school.name() + " (" + school.level() + ") has no grade " + student.grade()
                            + "; the service is for the school's own students"));
        }
        return Decision.allow();
    }
}
