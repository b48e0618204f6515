package cn.kehou.plugins.yangjiang;

import static cn.kehou.plugins.yangjiang.YangjiangRule.COURSES_RENEWED_EACH_TERM;
import static cn.kehou.plugins.yangjiang.YangjiangRule.ENROLLMENT_FORMS;
import static cn.kehou.plugins.yangjiang.YangjiangRule.ONLINE_SELECTION;
import static cn.kehou.plugins.yangjiang.YangjiangRule.REVIEW_CONFIRM_SIGN_PAY;

import cn.kehou.plugin.api.AgreementDocument;
import cn.kehou.plugin.api.Decision;
import cn.kehou.plugin.api.EnrollmentPeriod;
import cn.kehou.plugin.api.EnrollmentRules;
import cn.kehou.plugin.api.EnrollmentStep;
import cn.kehou.plugin.api.EnrollmentTerms;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.StudentProfile;
import java.util.List;
import org.pf4j.Extension;

/** 000 §五: apply online, school reviews and publishes, parent confirms, signs and pays online. */
@Extension
public class YangjiangEnrollment implements EnrollmentRules {

    private static final EnrollmentTerms TERMS = new EnrollmentTerms(
            // 000 §五(三) 线上完成报名; §五(五) 审核…公布审核结果…确认选课信息…线上签订…线上完成费用支付
            List.of(EnrollmentStep.APPLY, EnrollmentStep.SCHOOL_REVIEW, EnrollmentStep.PUBLISH_RESULT,
                    EnrollmentStep.CONFIRM, EnrollmentStep.SIGN_AGREEMENT, EnrollmentStep.PAY),
            // 000 §五(二): 课程内容每学期更新
            EnrollmentPeriod.TERM_RENEWED,
            // 000 §五(一): 《学校课后服务申请书》《家校安全责任承诺书》《课后服务合同书》; §五(五) signed online
            List.of(new AgreementDocument("APPLICATION", "学校课后服务申请书", "After-school service application",
                            true, ONLINE_SELECTION.citation),
                    new AgreementDocument("SAFETY_COMMITMENT", "家校安全责任承诺书", "Home–school safety commitment",
                            false, ENROLLMENT_FORMS.citation),
                    new AgreementDocument("SERVICE_CONTRACT", "课后服务合同书（校内课后服务协议）",
                            "After-school service contract", true, REVIEW_CONFIRM_SIGN_PAY.citation)),
            // 000 names no priority groups of its own; the national ones live in the core
            List.of(),
            false,
            List.of(REVIEW_CONFIRM_SIGN_PAY.citation, COURSES_RENEWED_EACH_TERM.citation, ENROLLMENT_FORMS.citation));

    @Override
    public EnrollmentTerms terms(PolicyContext ctx) {
        return TERMS;
    }

    @Override
    public Decision eligible(PolicyContext ctx, StudentProfile student) {
        // 000 §三(一): 服务对象为全市义务教育阶段中小学校在校学生 — boarders and private schools included
        ctx.requireSchool();
        return Decision.allow();
    }
}
