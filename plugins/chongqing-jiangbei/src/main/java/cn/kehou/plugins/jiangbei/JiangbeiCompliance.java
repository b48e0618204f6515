package cn.kehou.plugins.jiangbei;

import static cn.kehou.plugins.jiangbei.JiangbeiRule.EVENING_STUDY_JUNIOR_ONLY;
import static cn.kehou.plugins.jiangbei.JiangbeiRule.NO_ACADEMIC_COLLECTIVE_TEACHING;
import static cn.kehou.plugins.jiangbei.JiangbeiRule.NO_COMMERCIAL_ACTIVITY;
import static cn.kehou.plugins.jiangbei.JiangbeiRule.NO_MORE_HOMEWORK;
import static cn.kehou.plugins.jiangbei.JiangbeiRule.PERIOD_ONE_HOMEWORK;
import static cn.kehou.plugins.jiangbei.JiangbeiRule.PERIOD_TWO_QUALITY;
import static cn.kehou.plugins.jiangbei.JiangbeiRule.PROVIDERS_NON_ACADEMIC_APPROVED;
import static cn.kehou.plugins.jiangbei.JiangbeiRule.PUBLIC_NOTICE;
import static cn.kehou.plugins.jiangbei.JiangbeiRule.TERM_PLAN_FILED;

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
import java.time.Month;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.pf4j.Extension;

/**
 * The term plan filed a week before term and the MOE report in March and September (001 §四(一)),
 * publication (§五(三)2), the checkable ones of the ten prohibitions (十严禁, §五(二)3), what each
 * of the two periods is for (§三(四)), and the duties 001 puts on schools.
 */
@Extension
public class JiangbeiCompliance implements ComplianceRules {

    // 001 §三(四): 第1课时…自主作业、自主学习、自主阅读、教师答疑、个别辅导
    private static final Set<ContentTag> PERIOD_ONE_MAIN = EnumSet.of(ContentTag.HOMEWORK, ContentTag.HOMEWORK_TUTORING,
            ContentTag.QUESTION_ANSWERING, ContentTag.READING);
    // 001 §三(四): 第2课时…“五个一点”；阅读、体育、文艺、劳动、兴趣小组、科普、安全演练及社团活动、社会实践
    private static final Set<ContentTag> PERIOD_TWO_MAIN = EnumSet.of(ContentTag.READING, ContentTag.SPORTS, ContentTag.ARTS,
            ContentTag.HANDCRAFT, ContentTag.PRACTICE, ContentTag.INTEREST_GROUP, ContentTag.CLUB, ContentTag.SCIENCE,
            ContentTag.TECHNOLOGY, ContentTag.THEMED_EDUCATION);
    private static final Set<ContentTag> ACADEMIC = EnumSet.of(ContentTag.NEW_LESSON, ContentTag.COLLECTIVE_TEACHING,
            ContentTag.ACADEMIC_SUBJECT);
    private static final int FIRST_JUNIOR_GRADE = 7;

    @Override
    public Decision checkPlanFiling(PolicyContext ctx, LocalDate termStart, LocalDate filedOrApprovedOn, boolean approved) {
        // 001 §四(一): 各校在每学期开学前一周将本学期课后服务实施方案…报区教委基础教育科备案 —
        // filing (备案) needs no approval, so `approved` changes nothing: the date counts either way
        int lead = ctx.config().integer(JiangbeiConfig.PLAN_FILING_LEAD_DAYS);
        LocalDate deadline = termStart.minusDays(lead);
        if (filedOrApprovedOn == null) {
            return Decision.refuse(TERM_PLAN_FILED.reason("PLAN_NOT_FILED",
                    "本学期课后服务实施方案须在开学（" + termStart + "）前 " + lead + " 天、即 " + deadline
                            + " 前报区教委基础教育科备案，尚未备案",
                    "this term's plan is due at the district basic-education section by " + deadline + ", " + lead
                            + " days before term starts on " + termStart + "; nothing is filed"));
        }
        if (filedOrApprovedOn.isAfter(deadline)) {
            return Decision.refuse(TERM_PLAN_FILED.reason("PLAN_FILED_LATE",
                    "实施方案 " + filedOrApprovedOn + " 才备案，须在开学（" + termStart + "）前 " + lead + " 天、即 "
                            + deadline + " 前备案",
                    "the plan was filed on " + filedOrApprovedOn + "; it was due by " + deadline + ", " + lead
                            + " days before term starts on " + termStart));
        }
        return Decision.allow();
    }

    @Override
    public Decision checkFeePublication(PolicyContext ctx, Set<PublicationItem> published) {
        // 001 §五(三)2: 对课后服务开展原则、时间安排、收费标准、服务内容…予以公开
        var missing = new TreeSet<PublicationItem>();
        for (PublicationRequirement required : JiangbeiFees.REQUIRED_PUBLICATIONS) {
            if (!published.contains(required.item())) {
                missing.add(required.item());
            }
        }
        if (missing.isEmpty()) {
            return Decision.allow();
        }
        return Decision.refuse(PUBLIC_NOTICE.reason("FEE_NOT_PUBLISHED",
                "收费前须通过学校公示栏、校园公众号、班级家长群公开：" + String.join("、", missing.stream().map(i -> i.zh).toList()),
                "publish before charging (notice board, school account, class parent groups): " + missing));
    }

    @Override
    public Decision checkContent(PolicyContext ctx, CourseContent content) {
        Optional<Reason> unavailable = JiangbeiServiceWindow.unavailable(ctx, content.kind());
        if (unavailable.isPresent()) {
            return Decision.refuse(unavailable.get());
        }
        Set<ContentTag> tags = content.tags();
        var refusals = new ArrayList<Reason>();
        // 001 §三(一): 初中学校工作日晚上可开设自习班 — grades 7–9 only, also at a nine-year school
        if (content.kind() == ServiceKind.EVENING_SELF_STUDY && content.gradeFrom() < FIRST_JUNIOR_GRADE) {
            refusals.add(EVENING_STUDY_JUNIOR_ONLY.reason("EVENING_STUDY_JUNIOR_ONLY",
                    "晚自习只面向初中（7-9年级），本课程含 " + content.gradeFrom() + " 年级",
                    "evening self-study is for grades 7–9; this course starts at grade " + content.gradeFrom()));
        }
        // 001 §三(四): 不得利用课后服务时间集体补课或讲新课
        if (tags.contains(ContentTag.NEW_LESSON) || tags.contains(ContentTag.COLLECTIVE_TEACHING)) {
            refusals.add(PERIOD_ONE_HOMEWORK.reason("CONTENT_NEW_LESSON_OR_MAKE_UP",
                    "不得利用课后服务时间集体补课或讲新课", "no collective make-up classes or new lessons in service time"));
        }
        // 001 §五(二)3 十严禁: 严禁把课后服务演变为学科类集体教学、集体补课或奥数等竞赛培训
        if (tags.contains(ContentTag.COLLECTIVE_TEACHING) || tags.contains(ContentTag.ACADEMIC_SUBJECT)) {
            refusals.add(NO_ACADEMIC_COLLECTIVE_TEACHING.reason("CONTENT_ACADEMIC_COLLECTIVE_TEACHING",
                    "严禁把课后服务演变为学科类集体教学、集体补课或奥数等竞赛培训",
                    "service may not become academic collective teaching, make-up classes or olympiad-style training"));
        }
        // 001 §三(五): 非学科类校外培训机构; 严禁学校与校外培训机构联合开展…学科类…有偿课程辅导
        if (content.providerCourse() && !Collections.disjoint(ACADEMIC, tags)) {
            refusals.add(PROVIDERS_NON_ACADEMIC_APPROVED.reason("PROVIDER_COURSE_ACADEMIC",
                    "只可引进非学科类校外培训机构，严禁与校外培训机构联合开展学科类有偿课程辅导",
                    "providers may only offer non-academic courses; no paid academic tutoring with a training provider"));
        }
        // 001 §五(二)3 十严禁: 严禁增加学生作业量和加重学生课业负担
        if (tags.contains(ContentTag.WRITTEN_HOMEWORK_SET)) {
            refusals.add(NO_MORE_HOMEWORK.reason("CONTENT_MORE_HOMEWORK",
                    "严禁增加学生作业量和加重学生课业负担", "no extra homework or heavier study load"));
        }
        // 001 §五(二)3 十严禁: 严禁在课后服务时段“搭车”开展商业活动 — selling materials is one
        if (tags.contains(ContentTag.COMMERCIAL_PROMOTION) || tags.contains(ContentTag.MATERIAL_SALE)) {
            refusals.add(NO_COMMERCIAL_ACTIVITY.reason("CONTENT_COMMERCIAL_ACTIVITY",
                    "严禁在课后服务时段“搭车”开展商业活动", "no commercial activity riding on service time"));
        }
        if (!refusals.isEmpty()) {
            return Decision.refuseIfAny(refusals);
        }
        return Decision.allow(periodNotes(content).toArray(Reason[]::new));
    }

    @Override
    public List<ComplianceDuty> duties(PolicyContext ctx) {
        int lead = ctx.config().integer(JiangbeiConfig.PLAN_FILING_LEAD_DAYS);
        Set<Month> months = JiangbeiConfig.moeReportMonths(ctx.config());
        return List.of(
                duty("TERM_PLAN_FILING", "开学前 " + lead + " 天将本学期课后服务实施方案（管理机构、服务内容、服务时间、地点安排、师资、"
                                + "保障措施、活动安排表）报区教委基础教育科备案（纸质件1份，学校盖章、校长签字）",
                        "File this term's plan (organisation, content, times, venues, staff, safeguards, timetable) with the "
                                + "district basic-education section " + lead + " days before term, on paper, stamped and signed",
                        Recurrence.BEFORE_TERM, Set.of(), TERM_PLAN_FILED),
                duty("MOE_DIRECT_REPORT", "通过教育部义务教育课后服务开展情况直报系统更新课后服务开展情况",
                        "Update the school's after-school status in the Ministry of Education's direct-reporting system",
                        Recurrence.YEARLY, months, JiangbeiRule.MOE_DIRECT_REPORT),
                duty("SERVICE_NOTICE", "通过学校公示栏、校园公众号、班级家长群公开开展原则、时间安排、收费标准、服务内容",
                        "Publish principles, times, fees and content on the notice board, school account and parent groups",
                        Recurrence.BEFORE_SERVICE, Set.of(), PUBLIC_NOTICE),
                duty("PARENT_AGREEMENT", "与家长签订课后服务协议书，并明确告知参加和不参加课后服务的学生家长",
                        "Sign the service agreement with parents and inform the parents of students who take part and who do not",
                        Recurrence.BEFORE_SERVICE, Set.of(), JiangbeiRule.PARENT_AGREEMENT),
                duty("STAFF_VETTING_FILING", "课后服务所有参与人员经学校逐一审核批准并报区教委备案",
                        "Approve everyone taking part one by one and file them with the district bureau",
                        Recurrence.BEFORE_SERVICE, Set.of(), JiangbeiRule.STAFF_VETTED),
                duty("PROVIDER_APPROVAL", "引进非学科类校外培训机构报区教委审核批准，并评估、退出不合格机构",
                        "Have non-academic providers approved by the district bureau; evaluate them and remove failing ones",
                        Recurrence.BEFORE_SERVICE, Set.of(), PROVIDERS_NON_ACADEMIC_APPROVED),
                duty("STIPEND_PUBLICATION", "志愿者教师补助在校内公示并通过银行卡发放，不纳入绩效工资总量",
                        "Publish teacher stipends in school and pay them by bank card, outside the performance-pay total",
                        Recurrence.TERMLY, Set.of(), JiangbeiRule.STIPENDS_PUBLISHED),
                duty("SATISFACTION_SURVEY", "质量监督小组开展学生、家长满意度调查（不定期）",
                        "The quality supervision group surveys student and parent satisfaction (from time to time)",
                        Recurrence.TERMLY, Set.of(), JiangbeiRule.QUALITY_SUPERVISION));
    }

    // 001 §三(四): each period "原则上以…为主" — a course with none of its period's main content gets a note
    private static List<Reason> periodNotes(CourseContent content) {
        if (content.kind() == ServiceKind.BASIC_CARE && Collections.disjoint(PERIOD_ONE_MAIN, content.tags())) {
            return List.of(PERIOD_ONE_HOMEWORK.reason("CONTENT_NOT_MAIN_FOR_PERIOD",
                    "第1课时原则上以作业管理为主（自主作业、阅读、答疑、个别辅导），力争小学生在校内基本完成书面作业",
                    "period 1 is mainly homework management (homework, reading, questions, tutoring)"));
        }
        if (content.kind() == ServiceKind.QUALITY_COURSE && Collections.disjoint(PERIOD_TWO_MAIN, content.tags())) {
            return List.of(PERIOD_TWO_QUALITY.reason("CONTENT_NOT_MAIN_FOR_PERIOD",
                    "第2课时原则上以素质提升为主（读点名著、做点运动、学点艺术、做点家务、开展点社会实践活动）",
                    "period 2 is mainly quality improvement (classics, sport, arts, chores, social practice)"));
        }
        return List.of();
    }

    private static ComplianceDuty duty(String code, String zh, String en, Recurrence recurrence, Set<Month> months,
                                       JiangbeiRule rule) {
        return new ComplianceDuty(code, zh, en, recurrence, months, rule.citation);
    }
}
