package cn.kehou.plugins.henan;

import static cn.kehou.plugins.henan.HenanFixtures.EARLY_MAY_DAY;
import static cn.kehou.plugins.henan.HenanFixtures.JANUARY_DAY;
import static cn.kehou.plugins.henan.HenanFixtures.JUNE_DAY;
import static cn.kehou.plugins.henan.HenanFixtures.JUNE_SATURDAY;
import static cn.kehou.plugins.henan.HenanFixtures.seedDefaultsOnly;
import static cn.kehou.plugins.henan.HenanFixtures.xiangcheng;
import static cn.kehou.plugins.henan.HenanFixtures.yanling;
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
import cn.kehou.plugin.api.MealOffer;
import cn.kehou.plugin.api.NapAssignment;
import cn.kehou.plugin.api.Payer;
import cn.kehou.plugin.api.PolicyContext;
import cn.kehou.plugin.api.PriorityGroup;
import cn.kehou.plugin.api.PublicationItem;
import cn.kehou.plugin.api.PublicationRequirement;
import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.RefundRequest;
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

/** Seed 002's own cases, with 许昌市's demo settings; RULES.md maps each rule to these methods. */
class HenanRulesTest {

    private final HenanServiceWindow window = new HenanServiceWindow();
    private final HenanFees fees = new HenanFees();
    private final HenanEnrollment enrollment = new HenanEnrollment();
    private final HenanCompliance compliance = new HenanCompliance();
    private final HenanMealsAndNaps mealsAndNaps = new HenanMealsAndNaps();

    private static ServiceSession session(ServiceKind kind, String start, String end) {
        return new ServiceSession(kind, LocalTime.parse(start), LocalTime.parse(end));
    }

    private static ServiceSession care(String start, String end) {
        return session(ServiceKind.BASIC_CARE, start, end);
    }

    private static List<String> codes(Decision decision) {
        return decision.reasons().stream().map(Reason::code).toList();
    }

    private static FeeRequest fee(ServiceKind kind, long fen, Set<PriorityGroup> groups) {
        return new FeeRequest(kind, fen, 120, groups, false, null, null);
    }

    private static FeeRequest fee(long fen) {
        return fee(ServiceKind.BASIC_CARE, fen, Set.of());
    }

    private static CourseContent course(ServiceKind kind, ContentTag... tags) {
        return new CourseContent(kind, "课程", Set.of(tags), 1, 6, false);
    }

    private static PolicyContext yanlingWith(String key, String value) {
        return yanling(JUNE_DAY, Map.of(key, value));
    }

    @Nested
    class Window {

        @Test
        void an_end_at_1740_accepted_on_a_january_day_is_refused_on_a_june_day() {
            assertThat(window.check(yanling(JANUARY_DAY), care("16:30", "17:40")).allowed()).isTrue();
            Decision june = window.check(yanling(JUNE_DAY), care("16:30", "17:40"));
            assertThat(codes(june)).containsExactly("WINDOW_ENDS_TOO_EARLY");
            assertThat(june.reasons().get(0).citation()).isEqualTo("002 §三(二)");
            assertThat(june.reasons().get(0).messageZh()).contains("夏季作息", "18:00");
        }

        @Test
        void an_end_at_1830_accepted_on_a_june_day_is_refused_on_a_january_day() {
            assertThat(window.check(yanling(JUNE_DAY), care("16:30", "18:30")).allowed()).isTrue();
            Decision january = window.check(yanling(JANUARY_DAY), care("16:30", "18:30"));
            assertThat(codes(january)).containsExactly("WINDOW_ENDS_TOO_LATE");
            assertThat(january.reasons().get(0).messageZh()).contains("冬季作息", "18:10");
        }

        @Test
        void the_two_counties_keep_different_seasons() {
            // 6 May: 鄢陵县's summer began on 1 May, 襄城县's begins on 15 May
            assertThat(codes(window.check(yanling(EARLY_MAY_DAY), care("16:30", "17:40"))))
                    .containsExactly("WINDOW_ENDS_TOO_EARLY");
            assertThat(window.check(xiangcheng(EARLY_MAY_DAY), care("16:20", "17:40")).allowed()).isTrue();
            assertThat(codes(window.check(xiangcheng(JUNE_DAY), care("16:20", "18:35"))))
                    .containsExactly("WINDOW_ENDS_TOO_LATE");
        }

        @Test
        void summer_starts_and_ends_on_the_countys_month_days_both_included() {
            assertThat(earliestEnd(LocalDate.of(2026, 4, 30))).isEqualTo(LocalTime.of(17, 30));
            assertThat(earliestEnd(LocalDate.of(2026, 5, 1))).isEqualTo(LocalTime.of(18, 0));
            assertThat(earliestEnd(LocalDate.of(2026, 9, 30))).isEqualTo(LocalTime.of(18, 0));
            assertThat(earliestEnd(LocalDate.of(2026, 10, 1))).isEqualTo(LocalTime.of(17, 30));
        }

        private LocalTime earliestEnd(LocalDate date) {
            return window.rulesFor(yanling(date), ServiceKind.BASIC_CARE).earliestEnd();
        }

        @Test
        void after_school_service_is_refused_until_the_county_sets_its_schedule() {
            Decision decision = window.check(seedDefaultsOnly(JUNE_DAY), care("16:30", "18:00"));
            assertThat(codes(decision)).containsExactly("WINDOW_SCHEDULE_NOT_SET");
            assertThat(decision.reasons().get(0).citation()).isEqualTo("002 §三(二)");
            assertThat(decision.reasons().get(0).messageEn()).contains(HenanConfig.SUMMER_FROM, HenanConfig.WINTER_LATEST_END);
            WindowRules rules = window.rulesFor(seedDefaultsOnly(JUNE_DAY), ServiceKind.BASIC_CARE);
            assertThat(rules.earliestEnd()).isNull();
            assertThat(rules.latestEnd()).isNull();
        }

        @Test
        void an_earliest_end_after_the_latest_is_refused_as_a_setting_error() {
            var broken = yanlingWith(HenanConfig.SUMMER_EARLIEST_END, "19:00");
            assertThat(codes(window.check(broken, care("16:30", "18:30")))).containsExactly("WINDOW_SCHEDULE_INVALID");
        }

        @Test
        void a_session_starting_before_normal_dismissal_is_refused() {
            assertThat(codes(window.check(yanling(JANUARY_DAY), care("16:00", "17:40"))))
                    .containsExactly("WINDOW_STARTS_BEFORE_DISMISSAL");
        }

        @Test
        void a_saturday_after_school_session_is_refused() {
            assertThat(codes(window.check(yanling(JUNE_SATURDAY), care("16:30", "18:10"))))
                    .containsExactly("WINDOW_DAY_NOT_ALLOWED");
        }

        @Test
        void every_broken_rule_is_reported_not_just_the_first() {
            assertThat(codes(window.check(yanling(JUNE_SATURDAY), care("16:00", "17:40"))))
                    .containsExactly("WINDOW_DAY_NOT_ALLOWED", "WINDOW_STARTS_BEFORE_DISMISSAL", "WINDOW_ENDS_TOO_EARLY");
        }

        @Test
        void a_course_may_end_before_the_earliest_end_but_not_after_the_latest() {
            assertThat(window.check(yanling(JUNE_DAY), session(ServiceKind.QUALITY_COURSE, "16:30", "17:30")).allowed()).isTrue();
            assertThat(codes(window.check(yanling(JUNE_DAY), session(ServiceKind.QUALITY_COURSE, "17:30", "19:00"))))
                    .containsExactly("WINDOW_ENDS_TOO_LATE");
            assertThat(codes(window.check(yanling(JANUARY_DAY), session(ServiceKind.FREE_TUTORING, "17:30", "18:30"))))
                    .containsExactly("WINDOW_ENDS_TOO_LATE");
        }

        @Test
        void window_rules_explain_school_days_dismissal_and_the_seasonal_ends() {
            WindowRules care = window.rulesFor(yanling(JUNE_DAY), ServiceKind.BASIC_CARE);
            assertThat(care.days()).isEqualTo(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
            assertThat(care.startsAfterDismissal()).isTrue();
            assertThat(care.earliestEnd()).isEqualTo(LocalTime.of(18, 0));
            assertThat(care.latestEnd()).isEqualTo(LocalTime.of(18, 40));
            assertThat(care.maxMinutes()).isNull();
            WindowRules course = window.rulesFor(yanling(JANUARY_DAY), ServiceKind.QUALITY_COURSE);
            assertThat(course.earliestEnd()).isNull();
            assertThat(course.latestEnd()).isEqualTo(LocalTime.of(18, 10));
        }

        @Test
        void noon_care_is_not_offered_unless_the_county_adds_it() {
            var noon = session(ServiceKind.NOON_CARE, "12:00", "14:00");
            assertThat(codes(window.check(xiangcheng(JUNE_DAY), noon))).containsExactly("SERVICE_KIND_NOT_OFFERED");
            assertThat(window.rulesFor(xiangcheng(JUNE_DAY), ServiceKind.NOON_CARE).offered()).isFalse();
            assertThat(window.check(yanling(JUNE_DAY), noon).allowed()).isTrue();
            assertThat(window.rulesFor(yanling(JUNE_DAY), ServiceKind.NOON_CARE).offered()).isTrue();
        }

        @Test
        void noon_care_must_end_before_the_afternoon_dismissal() {
            Decision decision = window.check(yanling(JUNE_DAY), session(ServiceKind.NOON_CARE, "15:30", "17:00"));
            assertThat(codes(decision)).containsExactly("NOON_CARE_NOT_AT_NOON");
            assertThat(window.rulesFor(yanling(JUNE_DAY), ServiceKind.NOON_CARE).latestEnd()).isEqualTo(LocalTime.of(16, 30));
        }

        @Test
        void evening_self_study_is_not_offered() {
            var evening = session(ServiceKind.EVENING_SELF_STUDY, "19:00", "20:30");
            assertThat(codes(window.check(yanling(JUNE_DAY), evening))).containsExactly("SERVICE_KIND_NOT_OFFERED");
        }
    }

    @Nested
    class Facilities {

        @Test
        void facilities_open_at_weekends_and_on_holidays_for_reading_and_sports() {
            var rules = new HenanHolidayCare().rules(yanling(JUNE_DAY));
            assertThat(rules.weekends()).isTrue();
            assertThat(rules.holidays()).isTrue();
            assertThat(rules.academicContentAllowed()).isFalse();
            assertThat(rules.contentZh()).contains("图书馆", "阅览室", "操场");
            assertThat(rules.citation()).isEqualTo("002 §三(二)");
            assertThat(window.check(yanling(JUNE_SATURDAY), session(ServiceKind.HOLIDAY_CARE, "09:00", "11:30")).allowed()).isTrue();
            assertThat(compliance.checkContent(yanling(JUNE_SATURDAY), course(ServiceKind.HOLIDAY_CARE, ContentTag.READING)))
                    .isEqualTo(Decision.allow());
        }

        @Test
        void a_county_may_keep_its_facilities_closed() {
            var closed = yanlingWith(HenanConfig.SERVICES_OFFERED, "BASIC_CARE,QUALITY_COURSE,FREE_TUTORING");
            var rules = new HenanHolidayCare().rules(closed);
            assertThat(rules.weekends()).isFalse();
            assertThat(rules.holidays()).isFalse();
            assertThat(codes(window.check(closed, session(ServiceKind.HOLIDAY_CARE, "09:00", "11:30"))))
                    .containsExactly("SERVICE_KIND_NOT_OFFERED");
        }
    }

    @Nested
    class Fees {

        @Test
        void a_registered_poor_students_charge_is_0_and_the_whole_fee_is_a_government_waiver() {
            FeeDecision decision = fees.price(yanling(JUNE_DAY),
                    fee(ServiceKind.BASIC_CARE, 20000, Set.of(PriorityGroup.REGISTERED_POOR)));
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.priceFen()).isEqualTo(20000);
            assertThat(decision.chargeFen()).isZero();
            assertThat(decision.waivers()).containsExactly(
                    new Waiver(Waiver.Kind.HARDSHIP_EXEMPTION, 20000, Payer.GOVERNMENT, "002 §二(四)"));
        }

        @Test
        void a_student_outside_the_free_groups_pays_the_full_fee() {
            FeeDecision decision = fees.price(yanling(JUNE_DAY), fee(ServiceKind.BASIC_CARE, 20000,
                    Set.of(PriorityGroup.MINIMUM_ALLOWANCE, PriorityGroup.LEFT_BEHIND)));
            assertThat(decision.waivers()).isEmpty();
            assertThat(decision.chargeFen()).isEqualTo(20000);
        }

        @Test
        void a_county_may_add_groups_that_are_served_free() {
            var wider = yanlingWith(HenanConfig.FREE_GROUPS, "REGISTERED_POOR,MINIMUM_ALLOWANCE");
            FeeDecision decision = fees.price(wider, fee(ServiceKind.BASIC_CARE, 20000, Set.of(PriorityGroup.MINIMUM_ALLOWANCE)));
            assertThat(decision.chargeFen()).isZero();
        }

        @Test
        void a_fee_above_the_citys_guidance_range_is_refused() {
            FeeDecision decision = fees.price(yanling(JUNE_DAY), fee(30001));
            assertThat(decision.allowed()).isFalse();
            assertThat(codes(decision.decision())).containsExactly("FEE_ABOVE_GUIDANCE");
            assertThat(decision.reasons().get(0).citation()).isEqualTo("002 §四(三)");
            assertThat(decision.reasons().get(0).messageZh()).contains("300.01", "100.00–300.00");
            assertThat(decision.chargeFen()).isZero();
        }

        @Test
        void a_fee_within_the_guidance_range_is_accepted() {
            for (long fen : new long[] {10000, 20000, 30000}) {
                FeeDecision decision = fees.price(yanling(JUNE_DAY), fee(fen));
                assertThat(decision.allowed()).as(fen + " fen").isTrue();
                assertThat(decision.chargeFen()).isEqualTo(fen);
            }
        }

        @Test
        void a_fee_below_the_guidance_range_is_refused() {
            assertThat(codes(fees.price(yanling(JUNE_DAY), fee(9999)).decision())).containsExactly("FEE_BELOW_GUIDANCE");
        }

        @Test
        void no_fee_can_be_charged_until_the_guidance_range_is_set() {
            FeeDecision decision = fees.price(seedDefaultsOnly(JUNE_DAY), fee(20000));
            assertThat(codes(decision.decision())).containsExactly("FEE_GUIDANCE_NOT_SET");
            assertThat(decision.reasons().get(0).citation()).isEqualTo("002 §四(三)");
        }

        @Test
        void a_school_that_charges_nothing_needs_no_guidance() {
            FeeDecision decision = fees.price(seedDefaultsOnly(JUNE_DAY), fee(0));
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.chargeFen()).isZero();
        }

        @Test
        void a_guidance_minimum_above_its_maximum_is_refused_as_a_setting_error() {
            var broken = yanlingWith(HenanConfig.GUIDANCE_MIN, "400.00");
            assertThat(codes(fees.price(broken, fee(20000)).decision())).containsExactly("FEE_GUIDANCE_INVALID");
        }

        @Test
        void free_tutoring_with_a_price_is_refused() {
            FeeDecision decision = fees.price(yanling(JUNE_DAY), fee(ServiceKind.FREE_TUTORING, 5000, Set.of()));
            assertThat(codes(decision.decision())).containsExactly("FREE_TUTORING_CHARGED");
            assertThat(decision.reasons().get(0).citation()).isEqualTo("002 §三(三)");
            assertThat(codes(fees.price(yanling(JUNE_DAY), fee(ServiceKind.FREE_TUTORING, 1, Set.of())).decision()))
                    .containsExactly("FREE_TUTORING_CHARGED");
        }

        @Test
        void free_tutoring_at_no_charge_is_accepted_even_before_the_guidance_is_set() {
            FeeDecision decision = fees.price(seedDefaultsOnly(JUNE_DAY), fee(ServiceKind.FREE_TUTORING, 0, Set.of()));
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.priceFen()).isZero();
        }

        @Test
        void charging_needs_method_content_safety_and_fees_public_and_time_and_fee_items_told_to_families() {
            List<PublicationRequirement> required = fees.publicationRequirements(yanling(JUNE_DAY));
            assertThat(required).filteredOn(r -> r.citation().equals("002 §二(五)")).extracting(PublicationRequirement::item)
                    .containsExactly(PublicationItem.SERVICE_METHOD, PublicationItem.SERVICE_CONTENT,
                            PublicationItem.SAFETY_MEASURES, PublicationItem.FEE_AMOUNT);
            assertThat(required).filteredOn(r -> r.citation().equals("002 §三(四)")).extracting(PublicationRequirement::item)
                    .contains(PublicationItem.SERVICE_TIME, PublicationItem.FEE_ITEM);

            Decision nothing = compliance.checkFeePublication(yanling(JUNE_DAY), Set.of());
            assertThat(codes(nothing)).containsOnly("FEE_NOT_PUBLISHED");
            assertThat(nothing.reasons()).extracting(Reason::citation).containsExactly("002 §二(五)", "002 §三(四)");
            Decision publicOnly = compliance.checkFeePublication(yanling(JUNE_DAY), EnumSet.of(PublicationItem.SERVICE_METHOD,
                    PublicationItem.SERVICE_CONTENT, PublicationItem.SAFETY_MEASURES, PublicationItem.FEE_AMOUNT));
            assertThat(publicOnly.reasons()).extracting(Reason::citation).containsExactly("002 §三(四)");
            assertThat(publicOnly.reasons().get(0).messageZh()).contains("服务时间", "收费项目");
            assertThat(compliance.checkFeePublication(yanling(JUNE_DAY), EnumSet.allOf(PublicationItem.class)).allowed()).isTrue();
        }

        @Test
        void the_seed_sets_no_recosting_cycle() {
            assertThat(fees.recostingInterval(yanling(JUNE_DAY))).isEqualTo(Optional.empty());
        }
    }

    @Nested
    class Funds {

        private final HenanFundsFlow funds = new HenanFundsFlow();

        @Test
        void fees_route_to_the_schools_finance_account() {
            for (boolean provider : new boolean[] {false, true}) {
                FundsRoute route = funds.route(yanling(JUNE_DAY), ServiceKind.QUALITY_COURSE, provider);
                assertThat(route.account()).isEqualTo(CollectingAccount.SCHOOL_FINANCE_ACCOUNT);
                assertThat(route.schoolSharePercent()).isEqualTo(100);
                assertThat(route.citation()).isEqualTo("002 §四(三)");
            }
            assertThat(funds.route(yanling(JUNE_DAY), ServiceKind.BASIC_CARE, false).account())
                    .isEqualTo(CollectingAccount.SCHOOL_FINANCE_ACCOUNT);
        }

        @Test
        void sessions_not_delivered_are_refunded_pro_rata() {
            assertThat(funds.refund(yanling(JUNE_DAY), new RefundRequest(ServiceKind.BASIC_CARE, 20000, 80, 20))).isEqualTo(15000);
            assertThat(funds.refund(yanling(JUNE_DAY), new RefundRequest(ServiceKind.BASIC_CARE, 10000, 3, 1))).isEqualTo(6667);
            assertThat(funds.refund(yanling(JUNE_DAY), new RefundRequest(ServiceKind.BASIC_CARE, 20000, 80, 80))).isZero();
        }
    }

    @Nested
    class Enrollment {

        @Test
        void enrollment_is_parent_application_class_review_school_approval_then_arrangement() {
            var terms = enrollment.terms(yanling(JUNE_DAY));
            assertThat(terms.steps()).containsExactly(EnrollmentStep.APPLY, EnrollmentStep.CLASS_REVIEW,
                    EnrollmentStep.SCHOOL_REVIEW, EnrollmentStep.ARRANGE);
            assertThat(terms.citations()).contains("002 §三(四)");
        }

        @Test
        void families_sign_the_after_school_service_agreement() {
            assertThat(enrollment.terms(yanling(JUNE_DAY)).documents())
                    .extracting(d -> d.code(), d -> d.titleZh(), d -> d.citation())
                    .containsExactly(tuple("SERVICE_AGREEMENT", "课后服务协议书", "002 §四(四)"));
        }

        @Test
        void the_named_priority_groups_are_guaranteed() {
            var terms = enrollment.terms(yanling(JUNE_DAY));
            assertThat(terms.priorityGuaranteed()).isTrue();
            assertThat(terms.priorityGroups()).contains(PriorityGroup.DISABLED, PriorityGroup.LEFT_BEHIND,
                    PriorityGroup.MIGRANT, PriorityGroup.ECONOMIC_HARDSHIP, PriorityGroup.REGISTERED_POOR);
            assertThat(terms.priorityGroups()).doesNotContain(PriorityGroup.LOWER_GRADE);
        }

        @Test
        void a_student_of_a_grade_the_school_does_not_teach_is_ineligible() {
            Decision decision = enrollment.eligible(yanling(JUNE_DAY), new StudentProfile("J8", 8, false, Set.of()));
            assertThat(codes(decision)).containsExactly("NOT_A_STUDENT_OF_THIS_SCHOOL");
            assertThat(decision.reasons().get(0).citation()).isEqualTo("002 §三(一)");
        }

        @Test
        void boarders_and_private_school_students_are_eligible() {
            var boarder = new StudentProfile("B5", 5, true, Set.of());
            assertThat(enrollment.eligible(yanling(JUNE_DAY), boarder).allowed()).isTrue();
            var privateSchool = new PolicyContext("henan-xuchang-yanling", Samples.privateUrbanNineYear(), JUNE_DAY,
                    HenanConfig.SCHEMA.defaults());
            assertThat(enrollment.eligible(privateSchool, new StudentProfile("P8", 8, false, Set.of())).allowed()).isTrue();
        }
    }

    @Nested
    class Content {

        @Test
        void collective_teaching_and_make_up_classes_are_refused() {
            for (ContentTag tag : List.of(ContentTag.COLLECTIVE_TEACHING, ContentTag.NEW_LESSON, ContentTag.ACADEMIC_SUBJECT)) {
                Decision decision = compliance.checkContent(yanling(JUNE_DAY), course(ServiceKind.BASIC_CARE, ContentTag.HOMEWORK, tag));
                assertThat(codes(decision)).as(tag.name()).containsExactly("CONTENT_COLLECTIVE_TEACHING");
                assertThat(decision.reasons().get(0).citation()).isEqualTo("002 §三(三)");
            }
            assertThat(codes(compliance.checkContent(yanling(JUNE_DAY),
                    course(ServiceKind.FREE_TUTORING, ContentTag.COLLECTIVE_TEACHING)))).containsExactly("CONTENT_COLLECTIVE_TEACHING");
        }

        @Test
        void commercial_promotion_and_material_sales_are_refused() {
            Decision decision = compliance.checkContent(yanling(JUNE_DAY),
                    course(ServiceKind.QUALITY_COURSE, ContentTag.CLUB, ContentTag.COMMERCIAL_PROMOTION));
            assertThat(codes(decision)).containsExactly("CONTENT_NOT_NON_PROFIT");
            assertThat(decision.reasons().get(0).citation()).isEqualTo("002 §二(四)");
            assertThat(codes(compliance.checkContent(yanling(JUNE_DAY), course(ServiceKind.QUALITY_COURSE, ContentTag.MATERIAL_SALE))))
                    .containsExactly("CONTENT_NOT_NON_PROFIT");
        }

        @Test
        void the_listed_content_needs_no_note() {
            for (ContentTag tag : List.of(ContentTag.HOMEWORK, ContentTag.READING, ContentTag.SPORTS, ContentTag.ARTS,
                    ContentTag.SCIENCE, ContentTag.GAMES, ContentTag.PRACTICE, ContentTag.CLUB, ContentTag.INTEREST_GROUP,
                    ContentTag.FILM)) {
                assertThat(compliance.checkContent(yanling(JUNE_DAY), course(ServiceKind.QUALITY_COURSE, tag)))
                        .as(tag.name()).isEqualTo(Decision.allow());
            }
            assertThat(compliance.checkContent(yanling(JUNE_DAY), course(ServiceKind.FREE_TUTORING, ContentTag.HOMEWORK_TUTORING)))
                    .isEqualTo(Decision.allow());
        }

        @Test
        void content_outside_the_list_is_allowed_with_a_note() {
            Decision decision = compliance.checkContent(yanling(JUNE_DAY), course(ServiceKind.QUALITY_COURSE, ContentTag.MENTAL_HEALTH));
            assertThat(decision.allowed()).isTrue();
            assertThat(codes(decision)).containsExactly("CONTENT_NOT_MAIN");
            assertThat(codes(compliance.checkContent(yanling(JUNE_DAY), course(ServiceKind.FREE_TUTORING, ContentTag.ARTS))))
                    .containsExactly("CONTENT_NOT_TUTORING");
            assertThat(codes(compliance.checkContent(yanling(JUNE_SATURDAY), course(ServiceKind.HOLIDAY_CARE, ContentTag.FILM))))
                    .containsExactly("CONTENT_NOT_FACILITY_USE");
        }
    }

    @Nested
    class MealsAndNaps {

        @Test
        void lunch_comes_only_from_the_school_canteen_where_the_county_supplies_it() {
            assertThat(mealsAndNaps.meals(yanling(JUNE_DAY))).containsExactly(new MealOffer(MealOffer.Meal.LUNCH,
                    List.of(MealOffer.Source.SCHOOL_CANTEEN), Payer.PARENTS, "002 §三(三)"));
        }

        @Test
        void no_lunch_is_offered_until_the_county_supplies_it() {
            assertThat(mealsAndNaps.meals(xiangcheng(JUNE_DAY))).isEmpty();
            assertThat(mealsAndNaps.meals(seedDefaultsOnly(JUNE_DAY))).isEmpty();
        }

        @Test
        void schools_serving_lunch_have_the_canteen_food_safety_duty() {
            assertThat(compliance.duties(yanling(JUNE_DAY))).filteredOn(d -> d.code().equals("CANTEEN_FOOD_SAFETY"))
                    .singleElement().satisfies(duty -> {
                        assertThat(duty.titleZh()).contains("河南省学校食堂餐饮食品安全监督管理办法", "豫政食安办〔2025〕6号");
                        assertThat(duty.recurrence()).isEqualTo(Recurrence.BEFORE_SERVICE);
                        assertThat(duty.citation()).isEqualTo("002 §四(四)");
                    });
            assertThat(compliance.duties(xiangcheng(JUNE_DAY))).extracting(ComplianceDuty::code)
                    .doesNotContain("CANTEEN_FOOD_SAFETY");
        }

        @Test
        void children_nap_only_in_fire_safe_rooms() {
            List<NapAssignment> naps = mealsAndNaps.assignNaps(yanling(JUNE_DAY), Samples.napRooms(), Samples.napChildren(5));
            assertThat(naps).hasSize(30).allMatch(NapAssignment::placed);
            assertThat(naps).extracting(NapAssignment::roomId).doesNotContain("storeroom");
            assertThat(naps).filteredOn(n -> n.roomId().equals("library")).hasSize(20);
        }

        @Test
        void children_beyond_every_fire_safe_place_are_left_unplaced_with_a_reason() {
            List<NapAssignment> naps = mealsAndNaps.assignNaps(yanling(JUNE_DAY), Samples.napRooms(), Samples.napChildren(30));
            assertThat(naps).filteredOn(n -> !n.placed()).hasSize(180 - 140)
                    .allSatisfy(n -> {
                        assertThat(n.reason().code()).isEqualTo("NO_NAP_PLACE_LEFT");
                        assertThat(n.reason().citation()).isEqualTo("002 §四(四)");
                    });
        }

        @Test
        void without_noon_service_no_child_is_given_a_nap_room() {
            List<NapAssignment> naps = mealsAndNaps.assignNaps(xiangcheng(JUNE_DAY), Samples.napRooms(), Samples.napChildren(2));
            assertThat(naps).hasSize(12).noneMatch(NapAssignment::placed)
                    .allSatisfy(n -> assertThat(n.reason().code()).isEqualTo("SERVICE_KIND_NOT_OFFERED"));
        }
    }

    @Nested
    class Duties {

        @Test
        void the_spending_plan_must_be_approved_not_just_filed() {
            LocalDate termStart = LocalDate.of(2026, 9, 1);
            Decision nothing = compliance.checkPlanFiling(yanling(JUNE_DAY), termStart, null, false);
            assertThat(codes(nothing)).containsExactly("PLAN_NOT_APPROVED");
            assertThat(nothing.reasons().get(0).citation()).isEqualTo("002 §四(三)");
            assertThat(compliance.checkPlanFiling(yanling(JUNE_DAY), termStart, LocalDate.of(2026, 8, 20), false).refused()).isTrue();
            assertThat(compliance.checkPlanFiling(yanling(JUNE_DAY), termStart, LocalDate.of(2026, 8, 20), true).allowed()).isTrue();
            // 002 sets no deadline
            assertThat(compliance.checkPlanFiling(yanling(JUNE_DAY), termStart, LocalDate.of(2026, 9, 10), true).allowed()).isTrue();
        }

        @Test
        void duties_cover_the_county_plan_disclosure_families_parents_committee_and_inspection() {
            assertThat(compliance.duties(xiangcheng(JUNE_DAY))).extracting(ComplianceDuty::code, ComplianceDuty::recurrence,
                    ComplianceDuty::citation).contains(
                    tuple("COUNTY_WORK_PLAN", Recurrence.BEFORE_SERVICE, "002 §一"),
                    tuple("SERVICE_DISCLOSURE", Recurrence.BEFORE_SERVICE, "002 §二(五)"),
                    tuple("FAMILY_CONSULTATION", Recurrence.BEFORE_TERM, "002 §三(四)"),
                    tuple("PARENTS_COMMITTEE_FEEDBACK", Recurrence.TERMLY, "002 §三(四)"),
                    tuple("INSPECTOR_SUPERVISION", Recurrence.TERMLY, "002 §四(一)"),
                    tuple("FEE_SET_WITH_PARENTS_COMMITTEE", Recurrence.BEFORE_CHARGING, "002 §四(三)"),
                    tuple("SPENDING_PLAN_APPROVAL", Recurrence.BEFORE_TERM, "002 §四(三)"));
        }

        @Test
        void duties_cover_vetting_bad_records_safety_handover_agreement_and_insurance() {
            assertThat(compliance.duties(xiangcheng(JUNE_DAY))).extracting(ComplianceDuty::code, ComplianceDuty::recurrence,
                    ComplianceDuty::citation).contains(
                    tuple("NO_STAFF_WITH_BAD_RECORDS", Recurrence.BEFORE_SERVICE, "002 §四(二)"),
                    tuple("STAFF_VETTING", Recurrence.BEFORE_SERVICE, "002 §四(四)"),
                    tuple("SAFETY_RULES_AND_EMERGENCY_PLAN", Recurrence.BEFORE_TERM, "002 §四(四)"),
                    tuple("ATTENDANCE_AND_HANDOVER", Recurrence.PER_SERVICE, "002 §四(四)"),
                    tuple("SERVICE_AGREEMENT", Recurrence.BEFORE_SERVICE, "002 §四(四)"),
                    tuple("STUDENT_INSURANCE", Recurrence.YEARLY, "002 §四(四)"));
            assertThat(compliance.duties(xiangcheng(JUNE_DAY))).filteredOn(d -> d.code().equals("STAFF_VETTING"))
                    .singleElement().satisfies(d -> assertThat(d.titleZh()).contains("品德", "健康", "资质"));
        }
    }
}
