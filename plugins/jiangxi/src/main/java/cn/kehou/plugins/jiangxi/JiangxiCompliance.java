package cn.kehou.plugins.jiangxi;

import static cn.kehou.plugins.jiangxi.JiangxiRule.EVENING_SELF_STUDY_JUNIOR;
import static cn.kehou.plugins.jiangxi.JiangxiRule.NO_NEW_LESSONS;
import static cn.kehou.plugins.jiangxi.JiangxiRule.ONE_SCHOOL_ONE_PLAN;
import static cn.kehou.plugins.jiangxi.JiangxiRule.PROVIDERS_NON_ACADEMIC_BY_BUREAU;
import static cn.kehou.plugins.jiangxi.JiangxiRule.SERVICE_GUIDE;
import static cn.kehou.plugins.jiangxi.JiangxiRule.WEEKEND_AND_HOLIDAY_INTEREST;

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
import cn.kehou.plugin.api.SchoolLevel;
import cn.kehou.plugin.api.SchoolProfile;
import cn.kehou.plugin.api.ServiceKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.pf4j.Extension;

/** One school, one plan (§一), the service guide (§一), content limits (§三–§五) and the duties seed 003 sets. */
@Extension
public class JiangxiCompliance implements ComplianceRules {

    private static final List<ComplianceDuty> DUTIES = List.of(
            duty("PLAN_FILING", "按“一校一案”制定课后服务实施方案，报教育行政部门备案审查后实施",
                    "File the school's own plan with the education bureau for review before it runs",
                    Recurrence.BEFORE_TERM, ONE_SCHOOL_ONE_PLAN),
            duty("SERVICE_GUIDE", "发布课后服务指南（办班种类、课程内容、师资安排、时间安排），宣传动员学生和家长报名",
                    "Publish the service guide (class types, content, staff, times) to students and parents",
                    Recurrence.BEFORE_SERVICE, SERVICE_GUIDE),
            duty("MOE_DIRECT_REPORT", "安排专人及时更新义务教育课后服务开展情况直报系统（http://dc.emis.edu.cn/jcjy）",
                    "Have a designated person keep the MOE direct-report system (dc.emis.edu.cn/jcjy) up to date",
                    Recurrence.TERMLY, JiangxiRule.DIRECT_REPORT),
            duty("DIRECT_REPORT_SCOPE", "村小、教学点和寄宿制学校不纳入直报统计范围（由报表 MOE_DIRECT_REPORT 排除）",
                    "Leave village schools, teaching points and boarding schools out of the direct-report statistics",
                    Recurrence.TERMLY, JiangxiRule.DIRECT_REPORT_SCOPE),
            duty("COVERAGE", "城区义务教育学校和农村乡镇中心校开展课后服务，有需求的学生全覆盖",
                    "Every urban school and township central school runs the service for every student who needs it",
                    Recurrence.BEFORE_TERM, JiangxiRule.COVERAGE),
            duty("VILLAGE_PUPILS_ARRANGED", "乡镇中心学校统筹安排村小、教学点学生自行组织或参加中心校的课后服务",
                    "The township central school arranges service for the pupils of its village schools and teaching points",
                    Recurrence.BEFORE_TERM, JiangxiRule.VILLAGE_SCHOOLS_JOIN_CENTRAL),
            duty("EXTENDED_CARE_ON_APPLICATION", "对有特殊需要、由家长或监护人提出申请的学生提供延时托管服务",
                    "Provide extended care to students with special needs whose guardians apply",
                    Recurrence.BEFORE_SERVICE, JiangxiRule.EXTENDED_CARE_ON_APPLICATION),
            duty("NO_SENDING_AWAY_BEFORE_END", "不得强制有需求在校自主学习的学生在课后服务时间结束前离开学校",
                    "Let students who want to study at school stay until the service ends",
                    Recurrence.PER_SERVICE, JiangxiRule.NO_SENDING_AWAY_BEFORE_END),
            duty("OUTSIDE_STAFF_VETTING", "聘任退休教师、高校学生、社会专业人员或志愿者前把好资格关",
                    "Vet retired teachers, students, professionals and volunteers before they take part",
                    Recurrence.BEFORE_SERVICE, JiangxiRule.OUTSIDE_STAFF_VETTED),
            duty("PROVIDER_SELECTION", "引进的校外培训机构须为教育行政部门组织遴选的非学科类机构",
                    "Buy in only non-academic providers selected by the education bureau",
                    Recurrence.BEFORE_SERVICE, PROVIDERS_NON_ACADEMIC_BY_BUREAU),
            duty("FREE_ONLINE_RESOURCES", "引导学生免费使用国家中小学网络云平台、江西省中小学线上教学平台等优质线上资源",
                    "Point students to the free national and provincial online platforms and courses",
                    Recurrence.TERMLY, JiangxiRule.FREE_ONLINE_RESOURCES),
            duty("LOCAL_FEE_STANDARD", "当地出台课后服务经费保障办法，明确收费、教师取酬标准",
                    "The locality sets its funding rules, fee standard and teacher pay standard",
                    Recurrence.BEFORE_CHARGING, JiangxiRule.LOCAL_FEE_STANDARD),
            duty("STIPENDS_FROM_FEES", "课后服务经费主要用于参与教师和相关人员补助；校外人员补助按劳务费管理",
                    "Spend the fees mainly on stipends of the teachers and staff; pay outside staff as labour fees",
                    Recurrence.TERMLY, JiangxiRule.FEES_PAY_STIPENDS),
            duty("TEACHER_SERVICE_RECORD", "记录教师参加课后服务的表现，作为职称评聘、表彰奖励和绩效工资分配的重要参考",
                    "Record each teacher's after-school service for titles, awards and performance pay",
                    Recurrence.YEARLY, JiangxiRule.TEACHER_RECORD),
            duty("PUBLICITY", "通过致家长一封信、家长会、网站、微信公众号等宣传课后服务实施方案和服务特色",
                    "Explain the plan and the service to parents (letter to parents, parents' meeting, website, WeChat)",
                    Recurrence.BEFORE_TERM, JiangxiRule.PUBLICITY),
            duty("SUPERVISION", "责任督学对学校课后服务开展经常性督查，纳入学校考核",
                    "The school's inspector checks the service regularly; it counts in the school's appraisal",
                    Recurrence.TERMLY, JiangxiRule.SUPERVISION));

    @Override
    public Decision checkPlanFiling(PolicyContext ctx, LocalDate termStart, LocalDate filedOrApprovedOn, boolean approved) {
        // 003 §一: 按照“一校一案”的要求…制定完善课后服务实施方案，并实行备案审查 — filed, then
        // reviewed by the bureau, before the term it is for
        if (filedOrApprovedOn == null) {
            return Decision.refuse(ONE_SCHOOL_ONE_PLAN.reason("PLAN_NOT_FILED",
                    "学校课后服务实施方案（一校一案）尚未报教育行政部门备案审查",
                    "the school's own plan has not been filed with the education bureau for review"));
        }
        if (!approved) {
            return Decision.refuse(ONE_SCHOOL_ONE_PLAN.reason("PLAN_NOT_APPROVED",
                    "实施方案已于 " + filedOrApprovedOn + " 备案，尚待教育行政部门审查通过",
                    "the plan was filed on " + filedOrApprovedOn + " and awaits the education bureau's review"));
        }
        if (filedOrApprovedOn.isAfter(termStart)) {
            return Decision.refuse(ONE_SCHOOL_ONE_PLAN.reason("PLAN_APPROVED_AFTER_TERM_START",
                    "实施方案 " + filedOrApprovedOn + " 才审查通过，晚于开学（" + termStart + "）",
                    "the plan was approved on " + filedOrApprovedOn + ", after the term started on " + termStart));
        }
        return Decision.allow();
    }

    @Override
    public Decision checkFeePublication(PolicyContext ctx, Set<PublicationItem> published) {
        // 003 §一: 研制形成办班种类、课程内容、师资安排、时间安排等信息的课后服务指南，宣传和动员学生和家长报名
        var missing = new TreeSet<PublicationItem>();
        for (PublicationRequirement required : JiangxiFees.REQUIRED_PUBLICATIONS) {
            if (!published.contains(required.item())) {
                missing.add(required.item());
            }
        }
        if (!missing.isEmpty()) {
            return Decision.refuse(SERVICE_GUIDE.reason("FEE_NOT_PUBLISHED",
                    "报名收费前须发布课后服务指南，尚缺：" + String.join("、", missing.stream().map(i -> i.zh).toList()),
                    "publish the service guide before enrolling and charging; missing: " + missing));
        }
        // API 1.0 has no publication item for 师资安排: the guide's staff part is a note
        return Decision.allow(SERVICE_GUIDE.reason("SERVICE_GUIDE_NAMES_STAFF",
                "课后服务指南还须写明师资安排", "the service guide also names the staff"));
    }

    @Override
    public Decision checkContent(PolicyContext ctx, CourseContent content) {
        if (!JiangxiServiceWindow.offered(ctx, content.kind())) {
            return Decision.refuse(JiangxiServiceWindow.notOffered(content.kind()));
        }
        var refusals = new ArrayList<Reason>();
        Set<ContentTag> tags = content.tags();
        // 003 §三: 初中学校工作日晚上可开设自习班 — junior grades 7–9 at a junior or nine-year school
        if (content.kind() == ServiceKind.EVENING_SELF_STUDY) {
            SchoolProfile school = ctx.school();
            if (school != null && !JiangxiServiceWindow.teachesJuniorHigh(school)) {
                refusals.add(JiangxiServiceWindow.eveningSelfStudyJuniorOnly(school));
            } else if (content.gradeFrom() < SchoolLevel.JUNIOR.firstGrade) {
                refusals.add(EVENING_SELF_STUDY_JUNIOR.reason("EVENING_SELF_STUDY_JUNIOR_ONLY",
                        "晚自习只面向初中年级（7–9年级），本课程含 " + content.gradeFrom() + " 年级",
                        "evening self-study is for grades 7–9; this course starts at grade " + content.gradeFrom()));
            }
        }
        // 003 §四: 不得利用课后服务时间讲新课
        if (tags.contains(ContentTag.NEW_LESSON)) {
            refusals.add(NO_NEW_LESSONS.reason("CONTENT_NEW_LESSON",
                    "不得利用课后服务时间讲新课", "no new lessons may be taught in service time"));
        }
        // 003 §五: 适当引进非学科类校外培训机构参与课后服务，但必须由教育行政部门负责组织遴选
        if (content.providerCourse() && tags.contains(ContentTag.ACADEMIC_SUBJECT)) {
            refusals.add(PROVIDERS_NON_ACADEMIC_BY_BUREAU.reason("CONTENT_ACADEMIC_PROVIDER",
                    "校外培训机构只可提供非学科类课后服务", "an outside provider may offer non-academic courses only"));
        }
        // 003 §三: 双休日、寒暑假提供的是各类兴趣活动
        if (content.kind() == ServiceKind.HOLIDAY_CARE
                && (tags.contains(ContentTag.ACADEMIC_SUBJECT) || tags.contains(ContentTag.COLLECTIVE_TEACHING))) {
            refusals.add(WEEKEND_AND_HOLIDAY_INTEREST.reason("CONTENT_NOT_INTEREST_ACTIVITY",
                    "双休日和寒暑假提供的是兴趣活动，不含学科类教学", "weekend and holiday care is interest activities, not academic teaching"));
        }
        if (!refusals.isEmpty()) {
            return Decision.refuseIfAny(refusals);
        }
        if (content.providerCourse()) {
            return Decision.allow(PROVIDERS_NON_ACADEMIC_BY_BUREAU.reason("PROVIDER_SELECTED_BY_BUREAU",
                    "购买服务为补充：机构须经教育行政部门组织遴选", "bought-in courses supplement the school's own: the provider must be selected by the education bureau"));
        }
        return Decision.allow();
    }

    @Override
    public List<ComplianceDuty> duties(PolicyContext ctx) {
        return DUTIES;
    }

    private static ComplianceDuty duty(String code, String zh, String en, Recurrence recurrence, JiangxiRule rule) {
        return new ComplianceDuty(code, zh, en, recurrence, Set.of(), rule.citation);
    }
}
