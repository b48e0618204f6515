package cn.kehou.plugins.jiangxi;

import static cn.kehou.plugins.jiangxi.JiangxiFixtures.CITY_FEE_STANDARD;
import static cn.kehou.plugins.jiangxi.JiangxiFixtures.GANZHOU;
import static cn.kehou.plugins.jiangxi.JiangxiFixtures.MONDAY;
import static cn.kehou.plugins.jiangxi.JiangxiFixtures.NANCHANG;
import static cn.kehou.plugins.jiangxi.JiangxiFixtures.SATURDAY;
import static cn.kehou.plugins.jiangxi.JiangxiFixtures.binjiangJunior;
import static cn.kehou.plugins.jiangxi.JiangxiFixtures.ctx;
import static cn.kehou.plugins.jiangxi.JiangxiFixtures.demoSchools;
import static cn.kehou.plugins.jiangxi.JiangxiFixtures.donghuPrimary;
import static cn.kehou.plugins.jiangxi.JiangxiFixtures.luwuTeachingPoint;
import static cn.kehou.plugins.jiangxi.JiangxiFixtures.tangjiangBoardingJunior;
import static cn.kehou.plugins.jiangxi.JiangxiFixtures.tangjiangCentralPrimary;
import static cn.kehou.plugins.jiangxi.JiangxiFixtures.with;
import static cn.kehou.plugins.jiangxi.JiangxiFixtures.xinchengVillagePrimary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.kehou.plugin.api.CollectingAccount;
import cn.kehou.plugin.api.ComplianceDuty;
import cn.kehou.plugin.api.ComplianceDuty.Recurrence;
import cn.kehou.plugin.api.ContentTag;
import cn.kehou.plugin.api.CourseContent;
import cn.kehou.plugin.api.Decision;
import cn.kehou.plugin.api.EnrollmentStep;
import cn.kehou.plugin.api.FeeDecision;
import cn.kehou.plugin.api.FeeRequest;
import cn.kehou.plugin.api.FundsRoute;
import cn.kehou.plugin.api.HolidayCareRules;
import cn.kehou.plugin.api.Payer;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.PriorityGroup;
import cn.kehou.plugin.api.PublicationItem;
import cn.kehou.plugin.api.PublicationRequirement;
import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.RefundRequest;
import cn.kehou.plugin.api.ReportDataset;
import cn.kehou.plugin.api.ReportDataset.ServiceRecord;
import cn.kehou.plugin.api.ReportDefinition;
import cn.kehou.plugin.api.ReportTable;
import cn.kehou.plugin.api.SchoolProfile;
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.plugin.api.ServiceSession;
import cn.kehou.plugin.api.StudentProfile;
import cn.kehou.plugin.api.Waiver;
import cn.kehou.plugin.api.WindowRules;
import cn.kehou.plugins.contract.Samples;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Seed 003's own numbers and cases; RULES.md maps each rule to these methods. */
class JiangxiRulesTest {

    private final JiangxiServiceWindow window = new JiangxiServiceWindow();
    private final JiangxiHolidayCare holidays = new JiangxiHolidayCare();
    private final JiangxiFees fees = new JiangxiFees();
    private final JiangxiFundsFlow funds = new JiangxiFundsFlow();
    private final JiangxiEnrollment enrollment = new JiangxiEnrollment();
    private final JiangxiCompliance compliance = new JiangxiCompliance();
    private final JiangxiReports reports = new JiangxiReports();

    /** Samples' urban primary school dismisses at 15:40, so its windows isolate the end-time rule. */
    private static final SchoolProfile EARLY_DISMISSAL = Samples.urbanPrimary();

    private static ServiceSession session(ServiceKind kind, String start, String end) {
        return new ServiceSession(kind, LocalTime.parse(start), LocalTime.parse(end));
    }

    private static ServiceSession care(String start, String end) {
        return session(ServiceKind.BASIC_CARE, start, end);
    }

    private static List<String> codes(Decision decision) {
        return decision.reasons().stream().map(Reason::code).toList();
    }

    private static List<String> citations(Decision decision) {
        return decision.reasons().stream().map(Reason::citation).distinct().toList();
    }

    private static PolicyContext nanchang(SchoolProfile school) {
        return ctx(MONDAY, school, NANCHANG);
    }

    private static PolicyContext ganzhou(SchoolProfile school) {
        return ctx(MONDAY, school, GANZHOU);
    }

    @Nested
    class Window {

        @Test
        void with_off_work_at_1730_an_end_at_1750_is_refused() {
            Decision decision = window.check(nanchang(EARLY_DISMISSAL), care("15:40", "17:50"));
            assertThat(codes(decision)).containsExactly("WINDOW_ENDS_TOO_EARLY");
            assertThat(decision.reasons().get(0).citation()).isEqualTo("003 §三");
            assertThat(decision.reasons().get(0).messageZh()).contains("17:30", "18:00", "17:50");
        }

        @Test
        void with_off_work_at_1730_an_end_at_1800_is_accepted() {
            assertThat(window.check(nanchang(EARLY_DISMISSAL), care("15:40", "18:00")).allowed()).isTrue();
        }

        @Test
        void with_ganzhous_off_work_at_1800_an_end_at_1800_is_refused() {
            assertThat(codes(window.check(ganzhou(EARLY_DISMISSAL), care("15:40", "18:00"))))
                    .containsExactly("WINDOW_ENDS_TOO_EARLY");
        }

        @Test
        void with_ganzhous_off_work_at_1800_an_end_at_1830_is_accepted() {
            assertThat(window.check(ganzhou(EARLY_DISMISSAL), care("15:40", "18:30")).allowed()).isTrue();
        }

        @Test
        void the_province_without_a_city_setting_uses_1730_and_the_margin_is_config() {
            assertThat(window.rulesFor(ctx(MONDAY, null, Map.of()), ServiceKind.BASIC_CARE).earliestEnd())
                    .isEqualTo(LocalTime.of(18, 0));
            var longerMargin = ctx(MONDAY, EARLY_DISMISSAL, with(NANCHANG, JiangxiConfig.END_AFTER_OFF_WORK_MINUTES, "45"));
            assertThat(codes(window.check(longerMargin, care("15:40", "18:00")))).containsExactly("WINDOW_ENDS_TOO_EARLY");
            assertThat(window.check(longerMargin, care("15:40", "18:15")).allowed()).isTrue();
        }

        @Test
        void a_one_and_a_half_hour_day_is_refused() {
            Decision decision = window.check(nanchang(EARLY_DISMISSAL), care("16:30", "18:00"));
            assertThat(codes(decision)).containsExactly("WINDOW_TOO_SHORT");
            assertThat(decision.reasons().get(0).messageZh()).contains("120", "90");
        }

        @Test
        void at_donghu_no3_dismissing_at_1620_the_two_hours_end_at_1820_not_1800() {
            assertThat(codes(window.check(nanchang(donghuPrimary()), care("16:20", "18:00")))).containsExactly("WINDOW_TOO_SHORT");
            assertThat(window.check(nanchang(donghuPrimary()), care("16:20", "18:20")).allowed()).isTrue();
        }

        @Test
        void a_session_starting_before_dismissal_is_refused() {
            assertThat(codes(window.check(nanchang(donghuPrimary()), care("16:00", "18:30"))))
                    .containsExactly("WINDOW_STARTS_BEFORE_DISMISSAL");
        }

        @Test
        void a_saturday_after_school_session_is_refused_but_weekend_interest_activities_are_allowed() {
            PolicyContext saturday = ctx(SATURDAY, EARLY_DISMISSAL, NANCHANG);
            Decision afterSchool = window.check(saturday, care("15:40", "18:00"));
            assertThat(codes(afterSchool)).containsExactly("WINDOW_DAY_NOT_ALLOWED");
            assertThat(citations(afterSchool)).containsExactly("003 §三");

            HolidayCareRules weekend = holidays.rules(saturday);
            assertThat(weekend.weekends()).isTrue();
            assertThat(weekend.holidays()).isTrue();
            assertThat(weekend.academicContentAllowed()).isFalse();
            assertThat(weekend.citation()).isEqualTo("003 §三");
            assertThat(window.check(saturday, session(ServiceKind.HOLIDAY_CARE, "09:00", "11:00")).allowed()).isTrue();
            assertThat(window.rulesFor(saturday, ServiceKind.HOLIDAY_CARE).days()).contains(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        }

        @Test
        void every_broken_rule_is_reported_not_just_the_first() {
            assertThat(codes(window.check(ctx(SATURDAY, donghuPrimary(), NANCHANG), care("16:00", "17:00"))))
                    .containsExactly("WINDOW_DAY_NOT_ALLOWED", "WINDOW_STARTS_BEFORE_DISMISSAL", "WINDOW_TOO_SHORT",
                            "WINDOW_ENDS_TOO_EARLY");
        }

        @Test
        void window_rules_explain_five_weekdays_two_hours_from_dismissal_and_the_city_end_time() {
            WindowRules rules = window.rulesFor(ganzhou(binjiangJunior()), ServiceKind.BASIC_CARE);
            assertThat(rules.days()).isEqualTo(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
            assertThat(rules.minMinutes()).isEqualTo(120);
            assertThat(rules.startsAfterDismissal()).isTrue();
            assertThat(rules.earliestEnd()).isEqualTo(LocalTime.of(18, 30));
            assertThat(rules.citations()).containsExactly("003 §三");
        }

        @Test
        void an_accepted_day_notes_that_students_may_stay_until_the_end() {
            Decision decision = window.check(nanchang(donghuPrimary()), care("16:20", "18:20"));
            assertThat(decision.allowed()).isTrue();
            assertThat(codes(decision)).containsExactly("STUDENTS_MAY_STAY_UNTIL_END");
            assertThat(decision.reasons().get(0).messageZh()).contains("18:20");
        }

        @Test
        void extended_care_is_offered_on_a_guardians_application() {
            Decision decision = window.check(nanchang(donghuPrimary()), session(ServiceKind.EXTENDED_CARE, "18:20", "19:00"));
            assertThat(decision.allowed()).isTrue();
            assertThat(codes(decision)).containsExactly("EXTENDED_CARE_ON_APPLICATION");
            assertThat(window.rulesFor(nanchang(donghuPrimary()), ServiceKind.EXTENDED_CARE).offered()).isTrue();
        }

        @Test
        void evening_self_study_is_refused_at_a_primary_school() {
            Decision decision = window.check(nanchang(donghuPrimary()), session(ServiceKind.EVENING_SELF_STUDY, "19:00", "20:30"));
            assertThat(codes(decision)).containsExactly("EVENING_SELF_STUDY_JUNIOR_ONLY");
            assertThat(decision.reasons().get(0).citation()).isEqualTo("003 §三");
            assertThat(window.rulesFor(nanchang(donghuPrimary()), ServiceKind.EVENING_SELF_STUDY).offered()).isFalse();
            assertThat(fees.price(ctx(MONDAY, donghuPrimary(), with(NANCHANG, JiangxiConfig.FEE_LOCAL_STANDARD, CITY_FEE_STANDARD)),
                    new FeeRequest(ServiceKind.EVENING_SELF_STUDY, 10000, 90, Set.of(), false, null, null)).allowed()).isFalse();
        }

        @Test
        void evening_self_study_is_accepted_at_a_junior_high_on_weekdays_only() {
            var evening = session(ServiceKind.EVENING_SELF_STUDY, "19:00", "20:30");
            assertThat(window.check(ganzhou(binjiangJunior()), evening).allowed()).isTrue();
            assertThat(codes(window.check(ctx(SATURDAY, binjiangJunior(), GANZHOU), evening)))
                    .containsExactly("WINDOW_DAY_NOT_ALLOWED");
        }

        @Test
        void evening_self_study_at_a_nine_year_school_is_for_junior_grades_only() {
            PolicyContext nineYear = nanchang(Samples.privateUrbanNineYear());
            assertThat(codes(window.check(nineYear, session(ServiceKind.EVENING_SELF_STUDY, "19:00", "20:30"))))
                    .containsExactly("EVENING_SELF_STUDY_JUNIOR_GRADES_ONLY");
            var grades5to9 = new CourseContent(ServiceKind.EVENING_SELF_STUDY, "晚自习", Set.of(ContentTag.HOMEWORK), 5, 9, false);
            assertThat(codes(compliance.checkContent(nineYear, grades5to9))).containsExactly("EVENING_SELF_STUDY_JUNIOR_ONLY");
            var grades7to9 = new CourseContent(ServiceKind.EVENING_SELF_STUDY, "晚自习", Set.of(ContentTag.HOMEWORK), 7, 9, false);
            assertThat(compliance.checkContent(nineYear, grades7to9).allowed()).isTrue();
        }

        @Test
        void noon_care_is_not_offered() {
            var noon = session(ServiceKind.NOON_CARE, "12:00", "14:00");
            assertThat(codes(window.check(nanchang(donghuPrimary()), noon))).containsExactly("SERVICE_KIND_NOT_OFFERED");
            assertThat(window.rulesFor(nanchang(donghuPrimary()), ServiceKind.NOON_CARE).offered()).isFalse();
        }

        @Test
        void a_boarding_school_sets_its_own_form_so_length_and_end_time_are_not_imposed() {
            Decision decision = window.check(ganzhou(tangjiangBoardingJunior()), care("17:00", "18:00"));
            assertThat(decision.allowed()).isTrue();
            assertThat(codes(decision)).containsExactly("BOARDING_SCHOOL_FORM_SET_LOCALLY", "STUDENTS_MAY_STAY_UNTIL_END");
            assertThat(citations(decision)).containsExactly("003 §二", "003 §三");
            assertThat(window.rulesFor(ganzhou(tangjiangBoardingJunior()), ServiceKind.BASIC_CARE).earliestEnd()).isNull();

            var provincialWindow = ctx(MONDAY, tangjiangBoardingJunior(),
                    with(GANZHOU, JiangxiConfig.BOARDING_WINDOW_SET_LOCALLY, "false"));
            assertThat(codes(window.check(provincialWindow, care("17:00", "18:00"))))
                    .containsExactly("WINDOW_TOO_SHORT", "WINDOW_ENDS_TOO_EARLY");
        }
    }

    @Nested
    class Fees {

        private final PolicyContext city = ctx(MONDAY, donghuPrimary(), with(NANCHANG, JiangxiConfig.FEE_LOCAL_STANDARD, CITY_FEE_STANDARD));

        private FeeRequest fee(long fen, Set<PriorityGroup> groups) {
            return new FeeRequest(ServiceKind.BASIC_CARE, fen, 120, groups, false, null, null);
        }

        @Test
        void fees_cannot_be_charged_until_the_local_standard_is_set() {
            FeeDecision decision = fees.price(nanchang(donghuPrimary()), fee(30000, Set.of()));
            assertThat(codes(decision.decision())).containsExactly("FEE_STANDARD_NOT_SET");
            assertThat(decision.reasons().get(0).citation()).isEqualTo("003 §八");
            assertThat(JiangxiConfig.SCHEMA.key(JiangxiConfig.FEE_LOCAL_STANDARD).orElseThrow().defaultValue()).isNull();
        }

        @Test
        void a_fee_above_the_local_standard_is_refused_and_at_it_accepted() {
            assertThat(codes(fees.price(city, fee(30001, Set.of())).decision())).containsExactly("FEE_ABOVE_LOCAL_STANDARD");
            FeeDecision atStandard = fees.price(city, fee(30000, Set.of()));
            assertThat(atStandard.allowed()).isTrue();
            assertThat(atStandard.chargeFen()).isEqualTo(30000);
        }

        @Test
        void a_hardship_child_is_charged_nothing_with_a_government_exemption() {
            for (PriorityGroup hardship : List.of(PriorityGroup.REGISTERED_POOR, PriorityGroup.MINIMUM_ALLOWANCE,
                    PriorityGroup.ECONOMIC_HARDSHIP)) {
                FeeDecision decision = fees.price(city, fee(30000, Set.of(hardship)));
                assertThat(decision.allowed()).isTrue();
                assertThat(decision.priceFen()).isEqualTo(30000);
                assertThat(decision.chargeFen()).isZero();
                assertThat(decision.waivers()).containsExactly(
                        new Waiver(Waiver.Kind.HARDSHIP_EXEMPTION, 30000, Payer.GOVERNMENT, "003 §六"));
            }
        }

        @Test
        void a_left_behind_child_comes_first_but_pays_the_fee() {
            FeeDecision decision = fees.price(city, fee(30000, Set.of(PriorityGroup.LEFT_BEHIND)));
            assertThat(decision.waivers()).isEmpty();
            assertThat(decision.chargeFen()).isEqualTo(30000);
        }

        @Test
        void the_service_guide_is_published_before_enrolment_and_charging() {
            assertThat(fees.publicationRequirements(city)).extracting(PublicationRequirement::item)
                    .containsExactly(PublicationItem.SERVICE_METHOD, PublicationItem.SERVICE_CONTENT, PublicationItem.SERVICE_TIME);
            Decision nothing = compliance.checkFeePublication(city, Set.of());
            assertThat(codes(nothing)).containsExactly("FEE_NOT_PUBLISHED");
            assertThat(citations(nothing)).containsExactly("003 §一");
            Decision guide = compliance.checkFeePublication(city,
                    Set.of(PublicationItem.SERVICE_METHOD, PublicationItem.SERVICE_CONTENT, PublicationItem.SERVICE_TIME));
            assertThat(guide.allowed()).isTrue();
            assertThat(codes(guide)).containsExactly("SERVICE_GUIDE_NAMES_STAFF");
        }

        @Test
        void the_seed_sets_no_recosting_cycle() {
            assertThat(fees.recostingInterval(city)).isEqualTo(Optional.empty());
        }

        @Test
        void teacher_stipends_come_from_the_fees_through_the_school() {
            FundsRoute route = funds.route(city, ServiceKind.BASIC_CARE, false);
            assertThat(route.account()).isEqualTo(CollectingAccount.SCHOOL_FINANCE_ACCOUNT);
            assertThat(route.schoolSharePercent()).isEqualTo(100);
            assertThat(route.citation()).isEqualTo("003 §八");
        }

        @Test
        void outside_providers_are_paid_from_the_fees_as_labour() {
            FundsRoute route = funds.route(city, ServiceKind.QUALITY_COURSE, true);
            assertThat(route.percentFor(FundsRoute.Recipient.PROVIDER)).isEqualTo(100);
            assertThat(route.citation()).isEqualTo("003 §八");
        }

        @Test
        void sessions_not_delivered_are_refunded_pro_rata() {
            assertThat(funds.refund(city, new RefundRequest(ServiceKind.BASIC_CARE, 30000, 80, 20))).isEqualTo(22500);
            assertThat(funds.refund(city, new RefundRequest(ServiceKind.BASIC_CARE, 10000, 3, 1))).isEqualTo(6667);
            assertThat(funds.refund(city, new RefundRequest(ServiceKind.BASIC_CARE, 30000, 80, 80))).isZero();
        }
    }

    @Nested
    class Enrollment {

        private final StudentProfile pupil = new StudentProfile("P3", 3, false, Set.of());

        @Test
        void every_student_who_needs_the_service_is_eligible_at_urban_and_central_schools() {
            assertThat(enrollment.eligible(nanchang(donghuPrimary()), pupil)).isEqualTo(Decision.allow());
            assertThat(enrollment.eligible(ganzhou(tangjiangCentralPrimary()), pupil)).isEqualTo(Decision.allow());
            assertThat(compliance.duties(ganzhou(null))).extracting(ComplianceDuty::code, ComplianceDuty::citation)
                    .contains(tuple("COVERAGE", "003 §二"));
        }

        @Test
        void a_village_pupil_may_join_the_central_schools_service() {
            for (SchoolProfile village : List.of(xinchengVillagePrimary(), luwuTeachingPoint())) {
                Decision decision = enrollment.eligible(ganzhou(village), pupil);
                assertThat(decision.allowed()).isTrue();
                assertThat(codes(decision)).containsExactly("MAY_JOIN_CENTRAL_SCHOOL_SERVICE");
                assertThat(decision.reasons().get(0).messageZh()).contains("ganzhou-tangjiang-central-primary");
                assertThat(decision.reasons().get(0).citation()).isEqualTo("003 §二");
            }
            assertThat(compliance.duties(ganzhou(null))).extracting(ComplianceDuty::code)
                    .contains("VILLAGE_PUPILS_ARRANGED");
        }

        @Test
        void a_boarding_school_pupil_is_eligible_with_a_note_that_the_form_is_local() {
            var boarder = new StudentProfile("J8", 8, true, Set.of());
            Decision decision = enrollment.eligible(ganzhou(tangjiangBoardingJunior()), boarder);
            assertThat(decision.allowed()).isTrue();
            assertThat(codes(decision)).containsExactly("BOARDING_SCHOOL_FORM_SET_LOCALLY");
        }

        @Test
        void enrollment_is_a_free_application_with_the_named_groups_guaranteed_first() {
            var terms = enrollment.terms(ganzhou(null));
            assertThat(terms.steps()).containsExactly(EnrollmentStep.APPLY, EnrollmentStep.ARRANGE);
            assertThat(terms.documents()).isEmpty();
            assertThat(terms.priorityGuaranteed()).isTrue();
            assertThat(terms.priorityGroups()).contains(PriorityGroup.LEFT_BEHIND, PriorityGroup.MIGRANT,
                    PriorityGroup.ECONOMIC_HARDSHIP);
            assertThat(terms.citations()).contains("003 §六");
        }
    }

    @Nested
    class Content {

        private CourseContent course(boolean provider, ContentTag... tags) {
            return new CourseContent(ServiceKind.QUALITY_COURSE, "课程", Set.of(tags), 3, 6, provider);
        }

        @Test
        void new_lessons_are_refused() {
            Decision decision = compliance.checkContent(nanchang(donghuPrimary()),
                    new CourseContent(ServiceKind.BASIC_CARE, "数学新课", Set.of(ContentTag.NEW_LESSON), 5, 6, false));
            assertThat(codes(decision)).containsExactly("CONTENT_NEW_LESSON");
            assertThat(decision.reasons().get(0).citation()).isEqualTo("003 §四");
        }

        @Test
        void homework_guidance_and_help_for_struggling_students_are_allowed() {
            var help = new CourseContent(ServiceKind.BASIC_CARE, "作业指导与学困生辅导",
                    Set.of(ContentTag.HOMEWORK, ContentTag.HOMEWORK_TUTORING, ContentTag.QUESTION_ANSWERING), 1, 6, false);
            assertThat(compliance.checkContent(nanchang(donghuPrimary()), help)).isEqualTo(Decision.allow());
        }

        @Test
        void an_academic_provider_course_is_refused() {
            Decision decision = compliance.checkContent(nanchang(donghuPrimary()), course(true, ContentTag.ACADEMIC_SUBJECT));
            assertThat(codes(decision)).containsExactly("CONTENT_ACADEMIC_PROVIDER");
            assertThat(decision.reasons().get(0).citation()).isEqualTo("003 §五");
        }

        @Test
        void a_non_academic_provider_course_is_allowed_with_a_note_on_bureau_selection() {
            Decision decision = compliance.checkContent(nanchang(donghuPrimary()), course(true, ContentTag.SPORTS));
            assertThat(decision.allowed()).isTrue();
            assertThat(codes(decision)).containsExactly("PROVIDER_SELECTED_BY_BUREAU");
            assertThat(compliance.duties(nanchang(null))).extracting(ComplianceDuty::code)
                    .contains("PROVIDER_SELECTION", "OUTSIDE_STAFF_VETTING");
        }

        @Test
        void holiday_care_is_interest_activities_not_academic_teaching() {
            var academic = new CourseContent(ServiceKind.HOLIDAY_CARE, "暑期数学班", Set.of(ContentTag.ACADEMIC_SUBJECT), 3, 6, false);
            assertThat(codes(compliance.checkContent(nanchang(donghuPrimary()), academic)))
                    .containsExactly("CONTENT_NOT_INTEREST_ACTIVITY");
            var interest = new CourseContent(ServiceKind.HOLIDAY_CARE, "周末美术兴趣班", Set.of(ContentTag.ARTS, ContentTag.INTEREST_GROUP), 3, 6, false);
            assertThat(compliance.checkContent(nanchang(donghuPrimary()), interest).allowed()).isTrue();
        }
    }

    @Nested
    class Plans {

        private final LocalDate termStart = LocalDate.of(2026, 9, 1);

        @Test
        void a_plan_not_filed_is_refused() {
            Decision decision = compliance.checkPlanFiling(nanchang(donghuPrimary()), termStart, null, false);
            assertThat(codes(decision)).containsExactly("PLAN_NOT_FILED");
            assertThat(decision.reasons().get(0).citation()).isEqualTo("003 §一");
        }

        @Test
        void a_plan_filed_but_not_yet_reviewed_is_refused() {
            assertThat(codes(compliance.checkPlanFiling(nanchang(donghuPrimary()), termStart, LocalDate.of(2026, 8, 20), false)))
                    .containsExactly("PLAN_NOT_APPROVED");
        }

        @Test
        void a_plan_approved_after_the_term_starts_is_refused_and_on_the_first_day_accepted() {
            assertThat(codes(compliance.checkPlanFiling(nanchang(donghuPrimary()), termStart, termStart.plusDays(1), true)))
                    .containsExactly("PLAN_APPROVED_AFTER_TERM_START");
            assertThat(compliance.checkPlanFiling(nanchang(donghuPrimary()), termStart, termStart, true).allowed()).isTrue();
        }
    }

    @Nested
    class Duties {

        @Test
        void duties_cover_the_plan_guide_direct_report_online_courses_stipends_and_teacher_records() {
            assertThat(compliance.duties(nanchang(null))).extracting(ComplianceDuty::code, ComplianceDuty::recurrence,
                            ComplianceDuty::citation)
                    .contains(tuple("PLAN_FILING", Recurrence.BEFORE_TERM, "003 §一"),
                            tuple("SERVICE_GUIDE", Recurrence.BEFORE_SERVICE, "003 §一"),
                            tuple("MOE_DIRECT_REPORT", Recurrence.TERMLY, "003 §一"),
                            tuple("EXTENDED_CARE_ON_APPLICATION", Recurrence.BEFORE_SERVICE, "003 §三"),
                            tuple("NO_SENDING_AWAY_BEFORE_END", Recurrence.PER_SERVICE, "003 §三"),
                            tuple("FREE_ONLINE_RESOURCES", Recurrence.TERMLY, "003 §七"),
                            tuple("LOCAL_FEE_STANDARD", Recurrence.BEFORE_CHARGING, "003 §八"),
                            tuple("STIPENDS_FROM_FEES", Recurrence.TERMLY, "003 §八"),
                            tuple("TEACHER_SERVICE_RECORD", Recurrence.YEARLY, "003 §八"),
                            tuple("PUBLICITY", Recurrence.BEFORE_TERM, "003 §九"),
                            tuple("SUPERVISION", Recurrence.TERMLY, "003 §十"));
        }

        @Test
        void free_national_and_provincial_online_courses_are_offered_to_students() {
            ComplianceDuty online = compliance.duties(nanchang(donghuPrimary())).stream()
                    .filter(d -> d.code().equals("FREE_ONLINE_RESOURCES")).findFirst().orElseThrow();
            assertThat(online.titleZh()).contains("国家中小学网络云平台", "江西省中小学线上教学平台", "免费");
        }
    }

    @Nested
    class DirectReport {

        private ServiceRecord care(SchoolProfile school, LocalDate date, String start, String end, int pupils,
                                   Map<PriorityGroup, Integer> groups) {
            return new ServiceRecord(school.code(), date, ServiceKind.BASIC_CARE, "作业指导、阅读", "行政班",
                    LocalTime.parse(start), LocalTime.parse(end), Map.of(3, pupils), groups);
        }

        private ReportTable build(ReportDataset data) {
            return reports.build(ganzhou(null), JiangxiReports.MOE_DIRECT_REPORT, data);
        }

        @Test
        void the_direct_report_drops_a_village_school_a_teaching_point_and_a_boarding_school_and_keeps_an_urban_school() {
            LocalDate day = MONDAY;
            var services = demoSchools().stream()
                    .map(school -> care(school, day, school.normalDismissal().toString(), "18:30", 20, Map.of())).toList();
            var data = new ReportDataset("jiangxi", day, day, demoSchools(), services, List.of());

            ReportTable table = build(data);

            assertThat(table.reportCode()).isEqualTo("MOE_DIRECT_REPORT");
            assertThat(table.rows()).extracting(row -> row.get(0)).containsExactly(
                    "ganzhou-tangjiang-central-primary", "ganzhou-zhanggong-binjiang-junior", "nanchang-donghu-no3-primary");
            assertThat(table.rows()).extracting(row -> row.get(0)).doesNotContain(xinchengVillagePrimary().code(),
                    luwuTeachingPoint().code(), tangjiangBoardingJunior().code());
            assertThat(table.rows()).extracting(row -> row.get(5), row -> row.get(6))
                    .containsOnly(tuple("1", "20")); // each kept school's own session only
            assertThat(JiangxiReports.MOE_DIRECT_REPORT.citation()).isEqualTo("003 §一");
            assertThat(JiangxiReports.MOE_DIRECT_REPORT.titleZh()).contains("村小、教学点和寄宿制学校不纳入统计范围");
        }

        @Test
        void the_kits_sample_dataset_loses_its_boarding_junior_and_village_teaching_point() {
            ReportTable table = build(Samples.dataset("jiangxi", MONDAY.minusMonths(1), MONDAY));
            assertThat(table.rows()).extracting(row -> row.get(0))
                    .containsExactly(Samples.privateUrbanNineYear().code(), Samples.urbanPrimary().code());
            assertThat(table.rows().get(1)).containsExactly(Samples.urbanPrimary().code(), "城区实验小学", "小学", "城区",
                    "1", "1", "22", "120", "3", "0", "0");
        }

        @Test
        void the_direct_report_counts_days_sessions_visits_and_the_daily_span_per_school() {
            SchoolProfile central = tangjiangCentralPrimary();
            LocalDate tuesday = MONDAY.plusDays(1);
            var services = List.of(
                    care(central, MONDAY, "16:10", "17:10", 30, Map.of(PriorityGroup.LEFT_BEHIND, 5)),
                    new ServiceRecord(central.code(), MONDAY, ServiceKind.QUALITY_COURSE, "篮球", "社团",
                            LocalTime.of(17, 10), LocalTime.of(18, 40), Map.of(5, 12),
                            Map.of(PriorityGroup.MIGRANT, 2, PriorityGroup.REGISTERED_POOR, 1)),
                    // village pupils who joined the central school's service count for the central school
                    care(central, tuesday, "16:10", "18:40", 8, Map.of(PriorityGroup.ECONOMIC_HARDSHIP, 2)),
                    care(xinchengVillagePrimary(), tuesday, "15:50", "18:30", 9, Map.of()));
            var data = new ReportDataset("jiangxi-ganzhou", MONDAY, tuesday,
                    List.of(central, xinchengVillagePrimary()), services, List.of());

            assertThat(build(data).rows()).containsExactly(List.of(central.code(), central.name(), "小学", "农村（唐江镇）",
                    "2", "3", "50", "150", "5", "2", "3"));
        }

        @Test
        void the_report_code_is_stable_for_the_host() {
            List<ReportDefinition> defined = reports.reports(ganzhou(null));
            assertThat(defined).extracting(ReportDefinition::code).containsExactly("MOE_DIRECT_REPORT");
            assertThat(defined.get(0).columnKeys()).containsExactly("school", "name", "level", "area", "serviceDays",
                    "sessions", "participantVisits", "averageDailyMinutes", "leftBehindVisits", "migrantVisits", "hardshipVisits");
        }
    }
}
