package cn.kehou.plugins.urumqi;

import static cn.kehou.plugins.urumqi.UrumqiRule.CONTENT_BY_GRADE;
import static cn.kehou.plugins.urumqi.UrumqiRule.NON_PROFIT;
import static cn.kehou.plugins.urumqi.UrumqiRule.NOT_AFTER_SCHOOL_SERVICE;
import static cn.kehou.plugins.urumqi.UrumqiRule.NO_COLLECTIVE_TEACHING;
import static cn.kehou.plugins.urumqi.UrumqiRule.NO_MATERIAL_SALE;
import static cn.kehou.plugins.urumqi.UrumqiRule.NO_WRITTEN_HOMEWORK;
import static cn.kehou.plugins.urumqi.UrumqiRule.REMUNERATION_SCHEME_APPROVED;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.pf4j.Extension;

/** Publication before charging, content limits, and the duties seed 004 puts on schools. */
@Extension
public class UrumqiCompliance implements ComplianceRules {

    // 004 §三(五): 小学一、二年级以课外阅读、实践活动、手工操作为主 …
    private static final Set<ContentTag> MAIN_GRADES_1_2 = EnumSet.of(ContentTag.READING, ContentTag.PRACTICE, ContentTag.HANDCRAFT);
    private static final Set<ContentTag> MAIN_GRADES_3_6 = EnumSet.of(ContentTag.READING, ContentTag.HOMEWORK,
            ContentTag.HOMEWORK_TUTORING, ContentTag.INTEREST_GROUP, ContentTag.PRACTICE);
    private static final Set<ContentTag> MAIN_JUNIOR = EnumSet.of(ContentTag.HOMEWORK, ContentTag.HOMEWORK_TUTORING,
            ContentTag.QUESTION_ANSWERING, ContentTag.READING, ContentTag.INTEREST_GROUP, ContentTag.PRACTICE);

    private static final List<ComplianceDuty> DUTIES = List.of(
            duty("SERVICE_NOTICE", "在学校公示栏公布服务时间、方式、内容、收费标准、安全保障措施",
                    "Post time, form, content, fees and safety measures on the school notice board",
                    Recurrence.BEFORE_SERVICE, UrumqiRule.PUBLIC_NOTICE),
            duty("STAFF_REGISTRATION", "参与课后服务的人员先经属地教育行政部门备案",
                    "Register everyone taking part with the district education bureau",
                    Recurrence.BEFORE_SERVICE, UrumqiRule.STAFF_REGISTERED),
            duty("REMUNERATION_SCHEME_APPROVAL", "劳务报酬发放办法报属地教育行政部门审核同意",
                    "Have the staff pay scheme approved by the district education bureau",
                    Recurrence.BEFORE_TERM, REMUNERATION_SCHEME_APPROVED),
            duty("RESPONSIBILITY_LETTERS", "以责任书、承诺书明确课后服务责任",
                    "Sign responsibility letters and commitments", Recurrence.BEFORE_TERM, UrumqiRule.RESPONSIBILITY_LETTERS),
            duty("FEE_PUBLICATION", "收费项目、标准、政策依据、监督举报电话在《新疆收费管理信息网》公示",
                    "Publish fee item, amount, legal basis and complaint phone on the Xinjiang fee network",
                    Recurrence.BEFORE_CHARGING, UrumqiRule.PUBLISH_BEFORE_CHARGING),
            duty("SERVICE_RECORDS", "留存每种课后服务的人数、内容、时间、形式档案",
                    "Keep records of head-count, content, time and form", Recurrence.PER_SERVICE, UrumqiRule.SERVICE_RECORDS),
            duty("FEE_RECOSTING", "价格主管部门与教育行政部门对课后服务收费进行成本核算",
                    "Price and education authorities re-cost the fee", Recurrence.YEARLY, UrumqiRule.YEARLY_RECOSTING));

    @Override
    public Decision checkPlanFiling(PolicyContext ctx, LocalDate termStart, LocalDate filedOrApprovedOn, boolean approved) {
        // 004 sets no filing deadline for the service plan itself (§三(四): the school makes it);
        // what needs approval is the pay scheme (§四(四)), listed as a duty
        return Decision.allow(REMUNERATION_SCHEME_APPROVED.reason("NO_PLAN_FILING_RULE",
                "乌鲁木齐办法未规定课后服务方案报备期限；劳务报酬发放办法须经属地教育行政部门审核同意后实施",
                "004 sets no filing deadline for the plan; the staff pay scheme needs the district bureau's approval first"));
    }

    @Override
    public Decision checkFeePublication(PolicyContext ctx, Set<PublicationItem> published) {
        // 004 §四(五): 未经市价格主管部门审核公示的中小学校不得收取课后服务费; §二(一): 学校公示栏
        var missingByCitation = new LinkedHashMap<String, Set<PublicationItem>>();
        for (PublicationRequirement required : UrumqiFees.REQUIRED_PUBLICATIONS) {
            if (!published.contains(required.item())) {
                missingByCitation.computeIfAbsent(required.citation(), c -> new TreeSet<>()).add(required.item());
            }
        }
        var refusals = new ArrayList<Reason>();
        missingByCitation.forEach((citation, items) -> refusals.add(new Reason("FEE_NOT_PUBLISHED",
                "收费前须公示：" + String.join("、", items.stream().map(i -> i.zh).toList()),
                "publish before charging: " + items, citation)));
        return Decision.refuseIfAny(refusals);
    }

    @Override
    public Decision checkContent(PolicyContext ctx, CourseContent content) {
        if (!UrumqiServiceWindow.offered(ctx, content.kind())) {
            return Decision.refuse(UrumqiServiceWindow.notOffered(content.kind()));
        }
        var refusals = new ArrayList<Reason>();
        Set<ContentTag> tags = content.tags();
        // 004 §三(一): 校艺术队、体育队和面向全体学生的拓展性课程不属于课后服务范畴
        if (tags.contains(ContentTag.SCHOOL_TEAM_TRAINING) || tags.contains(ContentTag.WHOLE_SCHOOL_COURSE)) {
            refusals.add(NOT_AFTER_SCHOOL_SERVICE.reason("CONTENT_NOT_AFTER_SCHOOL_SERVICE",
                    "校艺术队、体育队训练和面向全体学生的拓展性课程不属于课后服务",
                    "school teams and whole-school extension courses are not after-school service"));
        }
        // 004 §三(五): 严禁以课后服务名义集体教学或“补课”，严禁在课后服务期间上新课
        if (tags.contains(ContentTag.NEW_LESSON) || tags.contains(ContentTag.COLLECTIVE_TEACHING)
                || tags.contains(ContentTag.ACADEMIC_SUBJECT)) {
            refusals.add(NO_COLLECTIVE_TEACHING.reason("CONTENT_COLLECTIVE_TEACHING",
                    "严禁以课后服务名义集体教学、补课或上新课", "no collective teaching, make-up classes or new lessons"));
        }
        // 004 §三(五): 不得借课后服务布置书面家庭作业
        if (tags.contains(ContentTag.WRITTEN_HOMEWORK_SET)) {
            refusals.add(NO_WRITTEN_HOMEWORK.reason("CONTENT_WRITTEN_HOMEWORK",
                    "不得借课后服务布置书面家庭作业", "no written homework may be set through the service"));
        }
        // 004 §四(五): 学校不得借课后服务名义向学生推荐、兜售学习材料
        if (tags.contains(ContentTag.MATERIAL_SALE)) {
            refusals.add(NO_MATERIAL_SALE.reason("CONTENT_MATERIAL_SALE",
                    "学校统一配置材料，不得推荐、兜售学习材料", "the school supplies materials and may not sell any"));
        }
        // 004 §二(四): 坚持公益性、非营利性，不得以营利为目的
        if (tags.contains(ContentTag.COMMERCIAL_PROMOTION)) {
            refusals.add(NON_PROFIT.reason("CONTENT_COMMERCIAL_PROMOTION",
                    "课后服务不得以营利为目的，不得商业推广", "the service is non-profit: no commercial promotion"));
        }
        if (!refusals.isEmpty()) {
            return Decision.refuseIfAny(refusals);
        }
        return Decision.allow(gradeNotes(content).toArray(Reason[]::new));
    }

    @Override
    public List<ComplianceDuty> duties(PolicyContext ctx) {
        return DUTIES;
    }

    // 004 §三(五): content "以…为主" by grade — a course without any main content is allowed with a note
    private static List<Reason> gradeNotes(CourseContent content) {
        var notes = new ArrayList<Reason>();
        for (int grade = content.gradeFrom(); grade <= content.gradeTo(); grade++) {
            Set<ContentTag> main = grade <= 2 ? MAIN_GRADES_1_2 : grade <= 6 ? MAIN_GRADES_3_6 : MAIN_JUNIOR;
            if (Collections.disjoint(main, content.tags())) {
                notes.add(CONTENT_BY_GRADE.reason("CONTENT_NOT_MAIN_FOR_GRADE",
                        grade + " 年级课后服务以" + String.join("、", main.stream().map(t -> t.zh).toList()) + "为主",
                        "grade " + grade + " service is mainly " + main));
                break;
            }
        }
        return notes;
    }

    private static ComplianceDuty duty(String code, String zh, String en, Recurrence recurrence, UrumqiRule rule) {
        return new ComplianceDuty(code, zh, en, recurrence, Set.of(), rule.citation);
    }
}
