package cn.kehou.plugins.henan;

import static cn.kehou.plugins.henan.HenanRule.CONTENT_MAINLY;
import static cn.kehou.plugins.henan.HenanRule.FREE_TUTORING;
import static cn.kehou.plugins.henan.HenanRule.NON_PROFIT;
import static cn.kehou.plugins.henan.HenanRule.NO_COLLECTIVE_TEACHING;
import static cn.kehou.plugins.henan.HenanRule.SPENDING_PLAN_APPROVED;
import static cn.kehou.plugins.henan.HenanRule.WEEKEND_HOLIDAY_FACILITIES;

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
import java.util.stream.Stream;
import org.pf4j.Extension;

/** The approved spending plan, publication before charging, content limits, and the duties seed 002 sets. */
@Extension
public class HenanCompliance implements ComplianceRules {

    // 002 §三(三): 做作业、自主阅读、体育、艺术、科普活动，以及娱乐游戏、拓展训练、开展社团及兴趣小组活动、
    // 观看适宜儿童的影片; help with homework is how 辅导帮助 is given
    private static final Set<ContentTag> MAIN_CONTENT = EnumSet.of(ContentTag.HOMEWORK, ContentTag.HOMEWORK_TUTORING,
            ContentTag.QUESTION_ANSWERING, ContentTag.READING, ContentTag.SPORTS, ContentTag.ARTS, ContentTag.SCIENCE,
            ContentTag.TECHNOLOGY, ContentTag.GAMES, ContentTag.PRACTICE, ContentTag.CLUB, ContentTag.INTEREST_GROUP,
            ContentTag.FILM);
    // 002 §三(三): 对个别学习有困难的学生给予免费辅导帮助
    private static final Set<ContentTag> TUTORING = EnumSet.of(ContentTag.HOMEWORK, ContentTag.HOMEWORK_TUTORING,
            ContentTag.QUESTION_ANSWERING);
    // 002 §三(二): 为本校学生提供阅读学习、体育活动场所
    private static final Set<ContentTag> FACILITY_USE = EnumSet.of(ContentTag.READING, ContentTag.HOMEWORK, ContentTag.SPORTS);
    // 002 §三(三): 严禁将课后服务变相成为集体教学或“补课” — new lessons and subject training are 补课
    private static final Set<ContentTag> TEACHING = EnumSet.of(ContentTag.COLLECTIVE_TEACHING, ContentTag.NEW_LESSON,
            ContentTag.ACADEMIC_SUBJECT);

    private static final ComplianceDuty CANTEEN_FOOD_SAFETY = duty("CANTEEN_FOOD_SAFETY",
            "提供午餐服务的学校贯彻《河南省学校食堂餐饮食品安全监督管理办法》（豫政食安办〔2025〕6号），学校食堂须符合其要求",
            "Serve lunch only from a canteen that meets Henan's school canteen food-safety measures (豫政食安办〔2025〕6号)",
            Recurrence.BEFORE_SERVICE, HenanRule.CANTEEN_FOOD_SAFETY);

    private static final List<ComplianceDuty> DUTIES = List.of(
            duty("COUNTY_WORK_PLAN", "县（市、区）结合实际制定课后服务工作方案",
                    "The county draws up its after-school work plan", Recurrence.BEFORE_SERVICE, HenanRule.COUNTY_WORK_PLAN),
            duty("SERVICE_DISCLOSURE", "向社会公开服务方式、服务内容、安全措施、收费标准",
                    "Publish method, content, safety measures and fees", Recurrence.BEFORE_SERVICE, HenanRule.PUBLIC_DISCLOSURE),
            duty("FAMILY_CONSULTATION", "充分征求学生、家长意见，确定服务时间、内容、方式、收费事项、费用开支、安全措施并告知家长",
                    "Settle time, content, method, fees, spending and safety with families and tell them",
                    Recurrence.BEFORE_TERM, HenanRule.INFORM_FAMILIES),
            duty("PARENTS_COMMITTEE_FEEDBACK", "家长委员会组织家长代表全过程参与，定期收集学生、家长意见建议",
                    "The parents' committee takes part and collects feedback", Recurrence.TERMLY, HenanRule.PARENTS_COMMITTEE),
            duty("INSPECTOR_SUPERVISION", "责任督学督导课后服务时间、方式、内容、安全保障措施",
                    "The school's inspector checks time, method, content and safety", Recurrence.TERMLY,
                    HenanRule.INSPECTOR_SUPERVISION),
            duty("NO_STAFF_WITH_BAD_RECORDS", "核查参与人员，严禁有不良记录人员参与课后服务",
                    "Check that no one with a bad record takes part", Recurrence.BEFORE_SERVICE,
                    HenanRule.NO_STAFF_WITH_BAD_RECORDS),
            duty("FEE_SET_WITH_PARENTS_COMMITTEE", "征求家长意见、发挥家长委员会作用，参照市收费指导意见确定具体收费标准",
                    "Set the exact fee with the parents' committee, within the city's guidance",
                    Recurrence.BEFORE_CHARGING, HenanRule.FEE_SET_WITH_PARENTS_COMMITTEE),
            duty("SPENDING_PLAN_APPROVAL", "课后服务经费开支方案报教育行政部门审核同意",
                    "Have the spending plan approved by the education bureau", Recurrence.BEFORE_TERM, SPENDING_PLAN_APPROVED),
            duty("STAFF_VETTING", "对参与课后服务人员的品德、健康、资质严格把关",
                    "Vet everyone taking part for ethics, health and qualification", Recurrence.BEFORE_SERVICE,
                    HenanRule.STAFF_VETTED),
            duty("SAFETY_RULES_AND_EMERGENCY_PLAN", "完善安全管理制度和应急预案，排查场地、消防、食品卫生、安全保卫隐患",
                    "Keep safety rules and an emergency plan; check venue, fire, food and security hazards",
                    Recurrence.BEFORE_TERM, HenanRule.SAFETY_SYSTEMS),
            duty("ATTENDANCE_AND_HANDOVER", "落实考勤、监管、交接班制度和门卫登记",
                    "Take attendance, supervise and hand children over at every session", Recurrence.PER_SERVICE,
                    HenanRule.SAFETY_SYSTEMS),
            duty("SERVICE_AGREEMENT", "学校与家长签订课后服务协议书", "Sign the after-school service agreement with parents",
                    Recurrence.BEFORE_SERVICE, HenanRule.SERVICE_AGREEMENT),
            duty("STUDENT_INSURANCE", "健全学生医保、校园伤害保险、学生意外商业险等保障制度",
                    "Keep students' medical, campus-injury and accident insurance in place", Recurrence.YEARLY,
                    HenanRule.INSURANCE));

    private static final List<ComplianceDuty> DUTIES_WITH_LUNCH =
            Stream.concat(DUTIES.stream(), Stream.of(CANTEEN_FOOD_SAFETY)).toList();

    @Override
    public Decision checkPlanFiling(PolicyContext ctx, LocalDate termStart, LocalDate filedOrApprovedOn, boolean approved) {
        // 002 §四(三): 具体开支范围以教育行政部门审核同意的方案为准 — filing alone is not enough;
        // 002 sets no deadline, so an approval after the term starts is accepted
        if (!approved || filedOrApprovedOn == null) {
            return Decision.refuse(SPENDING_PLAN_APPROVED.reason("PLAN_NOT_APPROVED",
                    "课后服务方案（含经费开支范围）须经教育行政部门审核同意",
                    "the service plan, with its spending, must be approved by the education bureau"));
        }
        return Decision.allow();
    }

    @Override
    public Decision checkFeePublication(PolicyContext ctx, Set<PublicationItem> published) {
        // 002 §二(五): 将服务方式、服务内容、安全措施、收费标准等事项向社会公开; §三(四): 主动告知学生、家长
        var missingByCitation = new LinkedHashMap<String, Set<PublicationItem>>();
        for (PublicationRequirement required : HenanFees.REQUIRED_PUBLICATIONS) {
            if (!published.contains(required.item())) {
                missingByCitation.computeIfAbsent(required.citation(), c -> new TreeSet<>()).add(required.item());
            }
        }
        var refusals = new ArrayList<Reason>();
        missingByCitation.forEach((citation, items) -> refusals.add(new Reason("FEE_NOT_PUBLISHED",
                "收费前须公开：" + String.join("、", items.stream().map(i -> i.zh).toList()),
                "publish before charging: " + items, citation)));
        return Decision.refuseIfAny(refusals);
    }

    @Override
    public Decision checkContent(PolicyContext ctx, CourseContent content) {
        if (!HenanServiceWindow.offered(ctx, content.kind())) {
            return Decision.refuse(HenanServiceWindow.notOffered(content.kind()));
        }
        var refusals = new ArrayList<Reason>();
        Set<ContentTag> tags = content.tags();
        if (!Collections.disjoint(tags, TEACHING)) {
            refusals.add(NO_COLLECTIVE_TEACHING.reason("CONTENT_COLLECTIVE_TEACHING",
                    "严禁将课后服务变相成为集体教学或“补课”（含上新课、学科类培训）",
                    "the service must not become collective teaching or make-up classes (new lessons, subject training)"));
        }
        // 002 §二(四): 坚持公益性、普惠性、非营利性原则; §四(三): 严禁以“课后服务”名义乱收费
        if (tags.contains(ContentTag.COMMERCIAL_PROMOTION) || tags.contains(ContentTag.MATERIAL_SALE)) {
            refusals.add(NON_PROFIT.reason("CONTENT_NOT_NON_PROFIT",
                    "课后服务坚持公益性、非营利性，不得商业推广或推销学习材料",
                    "the service is non-profit: no commercial promotion and no sale of study materials"));
        }
        if (!refusals.isEmpty()) {
            return Decision.refuseIfAny(refusals);
        }
        Reason note = switch (content.kind()) {
            case FREE_TUTORING -> Collections.disjoint(tags, TUTORING) ? FREE_TUTORING.reason("CONTENT_NOT_TUTORING",
                    "免费辅导是对学习有困难学生的作业辅导与答疑帮助", "free tutoring is help with homework and questions") : null;
            case HOLIDAY_CARE -> Collections.disjoint(tags, FACILITY_USE) ? WEEKEND_HOLIDAY_FACILITIES.reason(
                    "CONTENT_NOT_FACILITY_USE", "周末及节假日开放场所主要供本校学生阅读学习、体育活动",
                    "weekend and holiday facilities are mainly for reading, study and sports") : null;
            default -> Collections.disjoint(tags, MAIN_CONTENT) ? CONTENT_MAINLY.reason("CONTENT_NOT_MAIN",
                    "课后服务内容主要是作业、阅读、体育、艺术、科普、娱乐游戏、拓展训练、社团兴趣小组、适宜影片",
                    "after-school content is mainly homework, reading, sports, arts, science, games, training, clubs and films")
                    : null;
        };
        return note == null ? Decision.allow() : Decision.allow(note);
    }

    @Override
    public List<ComplianceDuty> duties(PolicyContext ctx) {
        // 002 §四(四): the canteen duty is for schools that serve lunch
        return ctx.config().bool(HenanConfig.LUNCH_OFFERED) ? DUTIES_WITH_LUNCH : DUTIES;
    }

    private static ComplianceDuty duty(String code, String zh, String en, Recurrence recurrence, HenanRule rule) {
        return new ComplianceDuty(code, zh, en, recurrence, Set.of(), rule.citation);
    }
}
