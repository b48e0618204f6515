package cn.kehou.plugins.urumqi;

import static cn.kehou.plugins.urumqi.UrumqiFixtures.MONDAY;
import static cn.kehou.plugins.urumqi.UrumqiFixtures.SATURDAY;
import static cn.kehou.plugins.urumqi.UrumqiFixtures.ctx;
import static cn.kehou.plugins.urumqi.UrumqiFixtures.privatePrimary;
import static cn.kehou.plugins.urumqi.UrumqiFixtures.publicPrimary;
import static cn.kehou.plugins.urumqi.UrumqiFixtures.ruralPrimary;
import static org.assertj.core.api.Assertions.assertThat;

import cn.kehou.plugin.api.CollectingAccount;
import cn.kehou.plugin.api.ComplianceDuty;
import cn.kehou.plugin.api.ContentTag;
import cn.kehou.plugin.api.CourseContent;
import cn.kehou.plugin.api.Decision;
import cn.kehou.plugin.api.EnrollmentPeriod;
import cn.kehou.plugin.api.EnrollmentStep;
import cn.kehou.plugin.api.FeeDecision;
import cn.kehou.plugin.api.FeeRequest;
import cn.kehou.plugin.api.FundsRoute;
import cn.kehou.plugin.api.Payer;
import cn.kehou.plugin.api.PriorityGroup;
import cn.kehou.plugin.api.PublicationItem;
import cn.kehou.plugin.api.PublicationRequirement;
import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.RefundRequest;
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.plugin.api.ServiceSession;
import cn.kehou.plugin.api.StudentProfile;
import cn.kehou.plugin.api.Waiver;
import cn.kehou.plugins.contract.Samples;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Seed 004's own numbers and cases; RULES.md maps each rule to these methods. */
class UrumqiRulesTest {

    private final UrumqiServiceWindow window = new UrumqiServiceWindow();
    private final UrumqiFees fees = new UrumqiFees();
    private final UrumqiEnrollment enrollment = new UrumqiEnrollment();
    private final UrumqiCompliance compliance = new UrumqiCompliance();

    private static ServiceSession care(String start, String end) {
        return new ServiceSession(ServiceKind.BASIC_CARE, LocalTime.parse(start), LocalTime.parse(end));
    }

    private static List<String> codes(Decision decision) {
        return decision.reasons().stream().map(Reason::code).toList();
    }

    private static FeeRequest fee(long fen, int dailyMinutes, Set<PriorityGroup> groups, LocalDate costedOn) {
        return new FeeRequest(ServiceKind.BASIC_CARE, fen, dailyMinutes, groups, false, null, costedOn);
    }

    private static FeeRequest fee(long fen, int dailyMinutes) {
        return fee(fen, dailyMinutes, Set.of(), MONDAY.minusMonths(2));
    }

    private static CourseContent course(ContentTag... tags) {
        return new CourseContent(ServiceKind.BASIC_CARE, "课程", Set.of(tags), 1, 6, false);
    }

    @Nested
    class Window {

        @Test
        void a_two_and_a_half_hour_day_is_refused() {
            Decision decision = window.check(ctx(MONDAY), care("17:30", "20:00"));
            assertThat(codes(decision)).containsExactly("WINDOW_TOO_LONG");
            assertThat(decision.reasons().get(0).citation()).isEqualTo("004 §三(三)");
        }

        @Test
        void a_two_hour_day_is_accepted() {
            assertThat(window.check(ctx(MONDAY), care("17:30", "19:30")).allowed()).isTrue();
        }

        @Test
        void a_saturday_session_is_refused() {
            assertThat(codes(window.check(ctx(SATURDAY), care("17:30", "19:00")))).containsExactly("WINDOW_DAY_NOT_ALLOWED");
        }

        @Test
        void a_session_starting_before_normal_dismissal_is_refused() {
            assertThat(codes(window.check(ctx(MONDAY), care("17:00", "18:30"))))
                    .containsExactly("WINDOW_STARTS_BEFORE_DISMISSAL");
        }

        @Test
        void every_broken_rule_is_reported_not_just_the_first() {
            assertThat(codes(window.check(ctx(SATURDAY), care("16:00", "19:00"))))
                    .containsExactly("WINDOW_DAY_NOT_ALLOWED", "WINDOW_TOO_LONG", "WINDOW_STARTS_BEFORE_DISMISSAL");
        }

        @Test
        void noon_care_is_not_offered() {
            var noon = new ServiceSession(ServiceKind.NOON_CARE, LocalTime.of(13, 30), LocalTime.of(15, 0));
            assertThat(codes(window.check(ctx(MONDAY), noon))).containsExactly("SERVICE_KIND_NOT_OFFERED");
            assertThat(window.rulesFor(ctx(MONDAY), ServiceKind.NOON_CARE).offered()).isFalse();
        }

        @Test
        void a_city_may_shorten_the_day_through_config() {
            var shorter = ctx(MONDAY, publicPrimary(), Map.of(UrumqiConfig.WINDOW_MAX_MINUTES, "90"));
            assertThat(codes(window.check(shorter, care("17:30", "19:30")))).containsExactly("WINDOW_TOO_LONG");
        }

        @Test
        void window_rules_explain_weekdays_and_the_two_hour_cap() {
            var rules = window.rulesFor(ctx(MONDAY), ServiceKind.BASIC_CARE);
            assertThat(rules.days()).isEqualTo(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
            assertThat(rules.maxMinutes()).isEqualTo(120);
            assertThat(rules.startsAfterDismissal()).isTrue();
            assertThat(rules.earliestEnd()).isNull();
        }
    }

    @Nested
    class Fees {

        @Test
        void one_hour_a_day_at_200_yuan_a_term_is_accepted() {
            FeeDecision decision = fees.price(ctx(MONDAY), fee(20000, 60));
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.chargeFen()).isEqualTo(20000);
        }

        @Test
        void one_hour_a_day_at_200_yuan_01_is_refused() {
            FeeDecision decision = fees.price(ctx(MONDAY), fee(20001, 60));
            assertThat(codes(decision.decision())).containsExactly("FEE_ABOVE_CAP");
            assertThat(decision.reasons().get(0).citation()).isEqualTo("004 §四(五)");
            assertThat(decision.chargeFen()).isZero();
        }

        @Test
        void two_hours_a_day_are_capped_at_400_yuan() {
            assertThat(fees.price(ctx(MONDAY), fee(40000, 120)).allowed()).isTrue();
            assertThat(fees.price(ctx(MONDAY), fee(40001, 120)).allowed()).isFalse();
            assertThat(fees.price(ctx(MONDAY), fee(30000, 90)).allowed()).isTrue();
        }

        @Test
        void a_longer_day_does_not_raise_the_cap_beyond_two_hours() {
            assertThat(fees.price(ctx(MONDAY), fee(50000, 150)).allowed()).isFalse();
            assertThat(fees.price(ctx(MONDAY), fee(40000, 150)).allowed()).isTrue();
        }

        @Test
        void a_fee_costed_more_than_a_year_ago_needs_recosting() {
            LocalDate costed = LocalDate.of(2025, 9, 1);
            assertThat(codes(fees.price(ctx(LocalDate.of(2026, 9, 2)), fee(20000, 60, Set.of(), costed)).decision()))
                    .containsExactly("FEE_RECOSTING_DUE");
            assertThat(fees.price(ctx(LocalDate.of(2026, 9, 1)), fee(20000, 60, Set.of(), costed)).allowed()).isTrue();
            assertThat(fees.recostingInterval(ctx(MONDAY))).isEqualTo(Optional.of(Period.ofMonths(12)));
        }

        @Test
        void a_fee_never_costed_is_refused() {
            assertThat(codes(fees.price(ctx(MONDAY), fee(20000, 60, Set.of(), null)).decision()))
                    .containsExactly("FEE_NOT_COSTED");
        }

        @Test
        void a_hardship_reduction_is_booked_as_a_government_waiver() {
            FeeDecision decision = fees.price(ctx(MONDAY),
                    fee(20000, 60, Set.of(PriorityGroup.REGISTERED_POOR), MONDAY.minusMonths(1)));
            assertThat(decision.priceFen()).isEqualTo(20000);
            assertThat(decision.chargeFen()).isZero();
            assertThat(decision.waivers()).containsExactly(
                    new Waiver(Waiver.Kind.HARDSHIP_EXEMPTION, 20000, Payer.GOVERNMENT, "004 §四(五)"));
        }

        @Test
        void a_partial_hardship_reduction_rounds_in_the_familys_favour() {
            var half = ctx(MONDAY, publicPrimary(), Map.of(UrumqiConfig.HARDSHIP_REDUCTION_PERCENT, "50"));
            FeeDecision decision = fees.price(half, fee(19999, 60, Set.of(PriorityGroup.MINIMUM_ALLOWANCE), MONDAY));
            assertThat(decision.waivers()).extracting(Waiver::kind, Waiver::amountFen)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Waiver.Kind.HARDSHIP_REDUCTION, 10000L));
            assertThat(decision.chargeFen()).isEqualTo(9999);
        }

        @Test
        void a_student_outside_the_hardship_groups_pays_in_full() {
            FeeDecision decision = fees.price(ctx(MONDAY), fee(20000, 60, Set.of(PriorityGroup.LEFT_BEHIND), MONDAY));
            assertThat(decision.waivers()).isEmpty();
            assertThat(decision.chargeFen()).isEqualTo(20000);
        }

        @Test
        void charging_needs_item_amount_basis_and_complaint_phone_published_first() {
            assertThat(fees.publicationRequirements(ctx(MONDAY)))
                    .filteredOn(r -> r.citation().equals("004 §四(五)"))
                    .extracting(PublicationRequirement::item)
                    .containsExactly(PublicationItem.FEE_ITEM, PublicationItem.FEE_AMOUNT, PublicationItem.LEGAL_BASIS,
                            PublicationItem.COMPLAINT_PHONE);
            Decision nothingPublished = compliance.checkFeePublication(ctx(MONDAY), Set.of());
            assertThat(codes(nothingPublished)).containsOnly("FEE_NOT_PUBLISHED");
            assertThat(nothingPublished.reasons()).extracting(Reason::citation).containsExactly("004 §四(五)", "004 §二(一)");
            assertThat(compliance.checkFeePublication(ctx(MONDAY), EnumSet.allOf(PublicationItem.class)).allowed()).isTrue();
        }

        @Test
        void fees_go_under_budget_management() {
            FundsRoute route = new UrumqiFundsFlow().route(ctx(MONDAY), ServiceKind.BASIC_CARE, false);
            assertThat(route.account()).isEqualTo(CollectingAccount.BUDGET_MANAGEMENT);
            assertThat(route.percentFor(FundsRoute.Recipient.TREASURY)).isEqualTo(100);
        }

        @Test
        void sessions_not_delivered_are_refunded_pro_rata() {
            var funds = new UrumqiFundsFlow();
            assertThat(funds.refund(ctx(MONDAY), new RefundRequest(ServiceKind.BASIC_CARE, 20000, 80, 20))).isEqualTo(15000);
            assertThat(funds.refund(ctx(MONDAY), new RefundRequest(ServiceKind.BASIC_CARE, 10000, 3, 1))).isEqualTo(6667);
            assertThat(funds.refund(ctx(MONDAY), new RefundRequest(ServiceKind.BASIC_CARE, 20000, 80, 80))).isZero();
        }
    }

    @Nested
    class Enrollment {

        private final StudentProfile dayStudent = new StudentProfile("D1", 3, false, Set.of());

        @Test
        void a_boarding_student_is_ineligible() {
            var boarder = new StudentProfile("B1", 5, true, Set.of());
            Decision decision = enrollment.eligible(ctx(MONDAY), boarder);
            assertThat(codes(decision)).containsExactly("NOT_A_DAY_STUDENT");
            assertThat(decision.reasons().get(0).citation()).isEqualTo("004 §三(二)");
        }

        @Test
        void a_day_student_at_a_public_school_is_eligible() {
            assertThat(enrollment.eligible(ctx(MONDAY), dayStudent).allowed()).isTrue();
        }

        @Test
        void a_private_school_is_not_served() {
            assertThat(codes(enrollment.eligible(ctx(MONDAY, privatePrimary(), Map.of()), dayStudent)))
                    .containsExactly("NOT_A_PUBLIC_SCHOOL");
        }

        @Test
        void a_rural_school_needs_the_countys_decision() {
            assertThat(codes(enrollment.eligible(ctx(MONDAY, ruralPrimary(), Map.of()), dayStudent)))
                    .containsExactly("RURAL_SCHOOL_NOT_APPROVED");
            var decided = ctx(MONDAY, ruralPrimary(), Map.of(UrumqiConfig.RURAL_SCHOOLS_APPROVED, "true"));
            assertThat(enrollment.eligible(decided, dayStudent).allowed()).isTrue();
        }

        @Test
        void enrollment_is_apply_class_school_arrange_with_a_signed_agreement_for_a_fixed_term() {
            var terms = enrollment.terms(ctx(MONDAY));
            assertThat(terms.steps()).containsSubsequence(EnrollmentStep.APPLY, EnrollmentStep.CLASS_REVIEW,
                    EnrollmentStep.SCHOOL_REVIEW, EnrollmentStep.ARRANGE);
            assertThat(terms.steps()).contains(EnrollmentStep.SIGN_AGREEMENT);
            assertThat(terms.period()).isEqualTo(EnrollmentPeriod.TERM_FIXED);
            assertThat(terms.documents()).extracting(d -> d.code()).containsExactly("VOLUNTARY_SERVICE_AGREEMENT");
        }

        @Test
        void the_named_priority_groups_are_guaranteed() {
            var terms = enrollment.terms(ctx(MONDAY));
            assertThat(terms.priorityGuaranteed()).isTrue();
            assertThat(terms.priorityGroups()).contains(PriorityGroup.DISABLED, PriorityGroup.LEFT_BEHIND,
                    PriorityGroup.IN_DISTRESS, PriorityGroup.MIGRANT, PriorityGroup.ECONOMIC_HARDSHIP, PriorityGroup.LOWER_GRADE);
        }
    }

    @Nested
    class Content {

        @Test
        void a_sale_of_materials_is_refused() {
            Decision decision = compliance.checkContent(ctx(MONDAY), course(ContentTag.READING, ContentTag.MATERIAL_SALE));
            assertThat(codes(decision)).containsExactly("CONTENT_MATERIAL_SALE");
            assertThat(decision.reasons().get(0).citation()).isEqualTo("004 §四(五)");
        }

        @Test
        void setting_written_homework_is_refused() {
            assertThat(codes(compliance.checkContent(ctx(MONDAY), course(ContentTag.WRITTEN_HOMEWORK_SET))))
                    .containsExactly("CONTENT_WRITTEN_HOMEWORK");
        }

        @Test
        void new_lessons_and_collective_teaching_are_refused() {
            assertThat(codes(compliance.checkContent(ctx(MONDAY), course(ContentTag.NEW_LESSON))))
                    .containsExactly("CONTENT_COLLECTIVE_TEACHING");
            assertThat(codes(compliance.checkContent(ctx(MONDAY), course(ContentTag.COLLECTIVE_TEACHING))))
                    .containsExactly("CONTENT_COLLECTIVE_TEACHING");
        }

        @Test
        void school_teams_and_whole_school_courses_are_not_after_school_service() {
            assertThat(codes(compliance.checkContent(ctx(MONDAY), course(ContentTag.SCHOOL_TEAM_TRAINING))))
                    .containsExactly("CONTENT_NOT_AFTER_SCHOOL_SERVICE");
            assertThat(codes(compliance.checkContent(ctx(MONDAY), course(ContentTag.WHOLE_SCHOOL_COURSE))))
                    .containsExactly("CONTENT_NOT_AFTER_SCHOOL_SERVICE");
        }

        @Test
        void commercial_promotion_is_refused() {
            assertThat(codes(compliance.checkContent(ctx(MONDAY), course(ContentTag.COMMERCIAL_PROMOTION))))
                    .containsExactly("CONTENT_COMMERCIAL_PROMOTION");
        }

        @Test
        void homework_tutoring_for_grades_one_and_two_is_allowed_with_a_note() {
            var tutoring = new CourseContent(ServiceKind.BASIC_CARE, "作业辅导", Set.of(ContentTag.HOMEWORK_TUTORING), 1, 2, false);
            Decision decision = compliance.checkContent(ctx(MONDAY), tutoring);
            assertThat(decision.allowed()).isTrue();
            assertThat(codes(decision)).containsExactly("CONTENT_NOT_MAIN_FOR_GRADE");
        }

        @Test
        void reading_and_handcraft_for_grades_one_and_two_need_no_note() {
            var reading = new CourseContent(ServiceKind.BASIC_CARE, "绘本与手工", Set.of(ContentTag.READING, ContentTag.HANDCRAFT), 1, 2, false);
            assertThat(compliance.checkContent(ctx(MONDAY), reading)).isEqualTo(Decision.allow());
        }
    }

    @Nested
    class Duties {

        @Test
        void there_is_no_weekend_or_holiday_care() {
            var rules = new UrumqiHolidayCare().rules(ctx(MONDAY));
            assertThat(rules.holidays()).isFalse();
            assertThat(rules.weekends()).isFalse();
        }

        @Test
        void plan_filing_has_no_deadline_but_the_pay_scheme_needs_approval() {
            Decision decision = compliance.checkPlanFiling(ctx(MONDAY), MONDAY, null, false);
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.reasons()).extracting(Reason::citation).containsExactly("004 §四(四)");
        }

        @Test
        void duties_cover_registration_pay_scheme_publication_records_and_yearly_recosting() {
            assertThat(compliance.duties(ctx(MONDAY))).extracting(ComplianceDuty::code, ComplianceDuty::recurrence)
                    .contains(org.assertj.core.groups.Tuple.tuple("STAFF_REGISTRATION", ComplianceDuty.Recurrence.BEFORE_SERVICE),
                            org.assertj.core.groups.Tuple.tuple("REMUNERATION_SCHEME_APPROVAL", ComplianceDuty.Recurrence.BEFORE_TERM),
                            org.assertj.core.groups.Tuple.tuple("FEE_PUBLICATION", ComplianceDuty.Recurrence.BEFORE_CHARGING),
                            org.assertj.core.groups.Tuple.tuple("SERVICE_RECORDS", ComplianceDuty.Recurrence.PER_SERVICE),
                            org.assertj.core.groups.Tuple.tuple("FEE_RECOSTING", ComplianceDuty.Recurrence.YEARLY),
                            org.assertj.core.groups.Tuple.tuple("RESPONSIBILITY_LETTERS", ComplianceDuty.Recurrence.BEFORE_TERM));
        }

        @Test
        void service_records_keep_head_count_content_time_and_form() {
            var reports = new UrumqiReports();
            var table = reports.build(ctx(MONDAY), UrumqiReports.SERVICE_RECORDS,
                    Samples.dataset("xinjiang-urumqi", MONDAY.minusMonths(1), MONDAY));
            assertThat(table.columns()).contains("participants", "content", "start", "end", "form");
            assertThat(table.rows()).hasSize(2);
            assertThat(table.rows().get(1)).containsExactly(Samples.urbanPrimary().code(), MONDAY.minusMonths(1).toString(),
                    "基础托管", "自主阅读、完成作业", "行政班", "15:40", "17:40", "120", "22");
        }
    }
}
