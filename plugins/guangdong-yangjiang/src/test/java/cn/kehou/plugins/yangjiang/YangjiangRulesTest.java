package cn.kehou.plugins.yangjiang;

import static cn.kehou.plugins.yangjiang.YangjiangFixtures.JUNE_DAY;
import static cn.kehou.plugins.yangjiang.YangjiangFixtures.NOVEMBER_DAY;
import static cn.kehou.plugins.yangjiang.YangjiangFixtures.ctx;
import static cn.kehou.plugins.yangjiang.YangjiangFixtures.ctxWithSeedDefaultsOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

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
import cn.kehou.plugin.api.MealOffer;
import cn.kehou.plugin.api.NapAssignment;
import cn.kehou.plugin.api.NapChild;
import cn.kehou.plugin.api.NapRoom;
import cn.kehou.plugin.api.Payer;
import cn.kehou.plugin.api.PriorityGroup;
import cn.kehou.plugin.api.PublicationItem;
import cn.kehou.plugin.api.Reason;
import cn.kehou.plugin.api.RefundRequest;
import cn.kehou.plugin.api.ServiceKind;
import cn.kehou.plugin.api.ServiceSession;
import cn.kehou.plugin.api.StudentProfile;
import cn.kehou.plugin.api.Waiver;
import cn.kehou.plugins.contract.Samples;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Seed 000's own numbers and dates; RULES.md maps each rule to these methods. */
class YangjiangRulesTest {

    private final YangjiangServiceWindow window = new YangjiangServiceWindow();
    private final YangjiangFees fees = new YangjiangFees();
    private final YangjiangFundsFlow funds = new YangjiangFundsFlow();
    private final YangjiangMealsAndNaps naps = new YangjiangMealsAndNaps();
    private final YangjiangEnrollment enrollment = new YangjiangEnrollment();
    private final YangjiangCompliance compliance = new YangjiangCompliance();

    private static ServiceSession session(ServiceKind kind, String start, String end) {
        return new ServiceSession(kind, LocalTime.parse(start), LocalTime.parse(end));
    }

    private static ServiceSession afterSchool(String end) {
        return session(ServiceKind.BASIC_CARE, "16:30", end);
    }

    private static List<String> codes(Decision decision) {
        return decision.reasons().stream().map(Reason::code).toList();
    }

    private static FeeRequest providerCourse(long fen, Long offCampusFen) {
        return new FeeRequest(ServiceKind.QUALITY_COURSE, fen, 60, Set.of(), true, offCampusFen, null);
    }

    private static FeeRequest basicCare(long fen, Set<PriorityGroup> groups) {
        return new FeeRequest(ServiceKind.BASIC_CARE, fen, 120, groups, false, null, null);
    }

    private static CourseContent course(ServiceKind kind, boolean provider, ContentTag... tags) {
        return new CourseContent(kind, "课程", Set.of(tags), 1, 6, provider);
    }

    @Nested
    class Window {

        @Test
        void after_school_ending_1745_on_a_june_day_is_refused() {
            Decision decision = window.check(ctx(JUNE_DAY), afterSchool("17:45"));
            assertThat(codes(decision)).containsExactly("WINDOW_ENDS_TOO_EARLY");
            assertThat(decision.reasons().get(0).citation()).isEqualTo("000 §三(二)");
        }

        @Test
        void after_school_ending_1745_on_a_november_day_is_accepted() {
            assertThat(window.check(ctx(NOVEMBER_DAY), afterSchool("17:45")).allowed()).isTrue();
        }

        @Test
        void after_school_ending_1800_on_a_june_day_is_accepted() {
            assertThat(window.check(ctx(JUNE_DAY), afterSchool("18:00")).allowed()).isTrue();
        }

        @Test
        void ending_1730_is_enough_on_30_april_but_not_on_1_may() {
            assertThat(window.check(ctx(LocalDate.of(2026, 4, 30)), afterSchool("17:30")).allowed()).isTrue();
            assertThat(codes(window.check(ctx(LocalDate.of(2026, 5, 1)), afterSchool("17:30"))))
                    .containsExactly("WINDOW_ENDS_TOO_EARLY");
            assertThat(window.check(ctx(LocalDate.of(2026, 4, 30)), afterSchool("17:29")).allowed()).isFalse();
        }

        @Test
        void ending_1745_is_refused_on_31_october_and_accepted_on_1_november() {
            assertThat(window.check(ctx(LocalDate.of(2026, 10, 31)), afterSchool("17:45")).allowed()).isFalse();
            assertThat(window.check(ctx(LocalDate.of(2026, 11, 1)), afterSchool("17:45")).allowed()).isTrue();
        }

        @Test
        void window_rules_explain_the_seasonal_earliest_end() {
            assertThat(window.rulesFor(ctx(JUNE_DAY), ServiceKind.BASIC_CARE).earliestEnd()).isEqualTo(LocalTime.of(18, 0));
            assertThat(window.rulesFor(ctx(NOVEMBER_DAY), ServiceKind.BASIC_CARE).earliestEnd()).isEqualTo(LocalTime.of(17, 30));
        }

        @Test
        void a_city_may_move_the_summer_dates_and_end_times_through_config() {
            var later = ctx(LocalDate.of(2026, 5, 15), Map.of(YangjiangConfig.SUMMER_FROM, "06-01",
                    YangjiangConfig.OTHER_EARLIEST_END, "17:40"));
            assertThat(window.check(later, afterSchool("17:45")).allowed()).isTrue();
            assertThat(window.check(later, afterSchool("17:35")).allowed()).isFalse();
        }

        @Test
        void after_school_service_starting_before_dismissal_is_refused() {
            assertThat(codes(window.check(ctx(NOVEMBER_DAY), session(ServiceKind.BASIC_CARE, "16:00", "18:00"))))
                    .containsExactly("WINDOW_STARTS_BEFORE_DISMISSAL");
        }

        @Test
        void a_quality_course_inside_the_after_school_window_needs_no_end_time_of_its_own() {
            assertThat(window.check(ctx(JUNE_DAY), session(ServiceKind.QUALITY_COURSE, "16:30", "17:30")).allowed()).isTrue();
        }

        @Test
        void noon_care_at_noon_is_accepted_and_after_afternoon_dismissal_refused() {
            assertThat(window.check(ctx(JUNE_DAY), session(ServiceKind.NOON_CARE, "11:50", "14:20")).allowed()).isTrue();
            assertThat(codes(window.check(ctx(JUNE_DAY), session(ServiceKind.NOON_CARE, "16:30", "18:00"))))
                    .containsExactly("NOON_CARE_NOT_AT_NOON");
        }

        @Test
        void noon_care_and_after_school_service_each_count_as_two_periods() {
            assertThat(window.rulesFor(ctx(JUNE_DAY), ServiceKind.NOON_CARE).countedPeriods()).isEqualTo(2);
            assertThat(window.rulesFor(ctx(JUNE_DAY), ServiceKind.BASIC_CARE).countedPeriods()).isEqualTo(2);
        }

        @Test
        void evening_self_study_is_not_offered() {
            assertThat(codes(window.check(ctx(JUNE_DAY), session(ServiceKind.EVENING_SELF_STUDY, "19:00", "21:00"))))
                    .containsExactly("SERVICE_KIND_NOT_OFFERED");
            assertThat(window.rulesFor(ctx(JUNE_DAY), ServiceKind.EVENING_SELF_STUDY).offered()).isFalse();
        }

        @Test
        void the_school_sets_the_days_so_a_saturday_is_not_refused() {
            assertThat(window.check(ctx(LocalDate.of(2026, 6, 13)), afterSchool("18:00")).allowed()).isTrue();
        }
    }

    @Nested
    class FeesAndFunds {

        @Test
        void basic_care_fees_route_100_percent_to_the_school() {
            FundsRoute route = funds.route(ctx(JUNE_DAY), ServiceKind.BASIC_CARE, false);
            assertThat(route.schoolSharePercent()).isEqualTo(100);
            assertThat(route.citation()).isEqualTo("000 §六(二)");
        }

        @Test
        void provider_course_fees_are_paid_to_the_provider_through_the_platform() {
            FundsRoute route = funds.route(ctx(JUNE_DAY), ServiceKind.QUALITY_COURSE, true);
            assertThat(route.percentFor(FundsRoute.Recipient.PROVIDER)).isEqualTo(100);
            assertThat(route.schoolSharePercent()).isZero();
        }

        @Test
        void every_fee_is_collected_into_the_platforms_dedicated_account() {
            for (ServiceKind kind : ServiceKind.values()) {
                for (boolean provider : new boolean[] {false, true}) {
                    assertThat(funds.route(ctx(JUNE_DAY), kind, provider).account())
                            .isEqualTo(CollectingAccount.PLATFORM_DEDICATED_ACCOUNT);
                }
            }
        }

        @Test
        void a_provider_price_must_be_below_its_off_campus_price() {
            assertThat(codes(fees.price(ctx(JUNE_DAY), providerCourse(30000, 30000L)).decision()))
                    .containsExactly("PROVIDER_PRICE_NOT_BELOW_OFF_CAMPUS");
            assertThat(fees.price(ctx(JUNE_DAY), providerCourse(29999, 30000L)).allowed()).isTrue();
        }

        @Test
        void a_provider_course_without_an_off_campus_price_is_refused() {
            assertThat(codes(fees.price(ctx(JUNE_DAY), providerCourse(10000, null)).decision()))
                    .containsExactly("OFF_CAMPUS_PRICE_MISSING");
        }

        @Test
        void a_city_may_demand_a_clearly_lower_provider_price() {
            var clearly = ctx(JUNE_DAY, Map.of(YangjiangConfig.PROVIDER_PERCENT_OF_OFF_CAMPUS, "80"));
            assertThat(fees.price(clearly, providerCourse(24000, 30000L)).allowed()).isFalse();
            assertThat(fees.price(clearly, providerCourse(23999, 30000L)).allowed()).isTrue();
        }

        @Test
        void basic_care_cannot_be_charged_until_the_local_rate_is_set() {
            assertThat(codes(fees.price(ctxWithSeedDefaultsOnly(JUNE_DAY), basicCare(30000, Set.of())).decision()))
                    .containsExactly("FEE_LOCAL_RATE_NOT_SET");
        }

        @Test
        void basic_care_above_the_local_rate_is_refused_and_at_it_accepted() {
            assertThat(codes(fees.price(ctx(JUNE_DAY), basicCare(30001, Set.of())).decision()))
                    .containsExactly("FEE_ABOVE_LOCAL_RATE");
            assertThat(fees.price(ctx(JUNE_DAY), basicCare(30000, Set.of())).chargeFen()).isEqualTo(30000);
        }

        @Test
        void a_hardship_reduction_is_booked_as_a_government_waiver() {
            FeeDecision decision = fees.price(ctx(JUNE_DAY), basicCare(30000, Set.of(PriorityGroup.MINIMUM_ALLOWANCE)));
            assertThat(decision.priceFen()).isEqualTo(30000);
            assertThat(decision.chargeFen()).isZero();
            assertThat(decision.waivers()).containsExactly(
                    new Waiver(Waiver.Kind.HARDSHIP_EXEMPTION, 30000, Payer.GOVERNMENT, "000 §六(一)2"));
        }

        @Test
        void charging_needs_content_method_safety_and_fees_published_first() {
            Decision decision = compliance.checkFeePublication(ctx(JUNE_DAY), Set.of(PublicationItem.FEE_AMOUNT));
            assertThat(codes(decision)).containsExactly("FEE_NOT_PUBLISHED");
            assertThat(decision.reasons().get(0).messageZh()).contains("服务内容", "服务方式", "安全保障措施");
            assertThat(compliance.checkFeePublication(ctx(JUNE_DAY), EnumSet.of(PublicationItem.SERVICE_CONTENT,
                    PublicationItem.SERVICE_METHOD, PublicationItem.SAFETY_MEASURES, PublicationItem.FEE_AMOUNT)).allowed())
                    .isTrue();
        }

        @Test
        void sessions_not_delivered_are_refunded_pro_rata() {
            assertThat(funds.refund(ctx(JUNE_DAY), new RefundRequest(ServiceKind.BASIC_CARE, 30000, 60, 45))).isEqualTo(7500);
            assertThat(funds.refund(ctx(JUNE_DAY), new RefundRequest(ServiceKind.BASIC_CARE, 10000, 3, 2))).isEqualTo(3334);
        }

        @Test
        void the_seed_sets_no_recosting_cycle() {
            assertThat(fees.recostingInterval(ctx(JUNE_DAY))).isEmpty();
        }
    }

    @Nested
    class MealsAndNaps {

        private final List<NapRoom> rooms = List.of(
                new NapRoom("library", NapRoom.Kind.LIBRARY, 1, 15, true),
                new NapRoom("reading", NapRoom.Kind.READING_ROOM, 2, 15, true),
                new NapRoom("gym", NapRoom.Kind.GYM, 3, 200, true));

        private Map<String, Integer> gradeOf(List<NapChild> children) {
            return children.stream().collect(Collectors.toMap(NapChild::studentId, NapChild::grade));
        }

        @Test
        void breakfast_and_lunch_come_from_the_canteen_or_central_delivery_and_parents_pay() {
            assertThat(naps.meals(ctx(JUNE_DAY))).extracting(MealOffer::meal, MealOffer::payer)
                    .containsExactly(tuple(MealOffer.Meal.BREAKFAST, Payer.PARENTS), tuple(MealOffer.Meal.LUNCH, Payer.PARENTS));
            assertThat(naps.meals(ctx(JUNE_DAY)).get(0).sources())
                    .containsExactly(MealOffer.Source.SCHOOL_CANTEEN, MealOffer.Source.CENTRAL_DELIVERY);
        }

        @Test
        void grades_one_and_two_fill_the_good_rooms_first() {
            List<NapChild> children = Samples.napChildren(10);
            Map<String, Integer> grade = gradeOf(children);
            List<NapAssignment> assignments = naps.assignNaps(ctx(JUNE_DAY), rooms, children);

            assertThat(assignments).allMatch(NapAssignment::placed);
            assertThat(assignments).filteredOn(a -> grade.get(a.studentId()) <= 2)
                    .extracting(NapAssignment::roomId).containsOnly("library", "reading");
            assertThat(assignments).filteredOn(a -> grade.get(a.studentId()) >= 4)
                    .extracting(NapAssignment::roomId).containsOnly("gym");
            // and never a lower grade in a worse room than a higher grade
            List<String> order = List.of("library", "reading", "gym");
            for (NapAssignment younger : assignments) {
                for (NapAssignment older : assignments) {
                    if (grade.get(younger.studentId()) < grade.get(older.studentId())) {
                        assertThat(order.indexOf(younger.roomId())).isLessThanOrEqualTo(order.indexOf(older.roomId()));
                    }
                }
            }
        }

        @Test
        void the_same_children_and_rooms_give_the_same_assignment() {
            List<NapChild> children = Samples.napChildren(10);
            List<NapAssignment> first = naps.assignNaps(ctx(JUNE_DAY), rooms, children);
            assertThat(naps.assignNaps(ctx(JUNE_DAY), rooms, children)).isEqualTo(first);

            var shuffledChildren = new ArrayList<>(children);
            var shuffledRooms = new ArrayList<>(rooms);
            Collections.shuffle(shuffledChildren, new Random(7));
            Collections.shuffle(shuffledRooms, new Random(7));
            assertThat(naps.assignNaps(ctx(JUNE_DAY), shuffledRooms, shuffledChildren)).isEqualTo(first);
        }

        @Test
        void a_room_that_is_not_fire_safe_is_never_used() {
            var unsafe = new NapRoom("old-hall", NapRoom.Kind.MULTIPURPOSE_ROOM, 1, 100, false);
            var withUnsafe = new ArrayList<>(rooms);
            withUnsafe.add(unsafe);
            assertThat(naps.assignNaps(ctx(JUNE_DAY), withUnsafe, Samples.napChildren(10)))
                    .extracting(NapAssignment::roomId).doesNotContain("old-hall");
        }

        @Test
        void dormitories_come_before_other_rooms() {
            var dorm = new NapRoom("dorm", NapRoom.Kind.DORMITORY, 5, 10, true);
            var withDorm = new ArrayList<>(rooms);
            withDorm.add(dorm);
            List<NapChild> children = Samples.napChildren(5);
            Map<String, Integer> grade = gradeOf(children);
            assertThat(naps.assignNaps(ctx(JUNE_DAY), withDorm, children))
                    .filteredOn(a -> a.roomId().equals("dorm"))
                    .allMatch(a -> grade.get(a.studentId()) <= 2)
                    .hasSize(10);
        }

        @Test
        void children_beyond_every_fire_safe_place_are_left_unplaced_with_a_reason() {
            var small = List.of(new NapRoom("classroom", NapRoom.Kind.CLASSROOM, 1, 3, true));
            List<NapAssignment> assignments = naps.assignNaps(ctx(JUNE_DAY), small, Samples.napChildren(1));
            assertThat(assignments).hasSize(6);
            assertThat(assignments).filteredOn(NapAssignment::placed).extracting(NapAssignment::studentId)
                    .containsExactly("G1-01", "G2-01", "G3-01");
            assertThat(assignments).filteredOn(a -> !a.placed()).extracting(a -> a.reason().code())
                    .containsOnly("NO_NAP_PLACE_LEFT");
        }
    }

    @Nested
    class EnrollmentAndHolidays {

        @Test
        void schools_may_run_holiday_care_mainly_non_academic() {
            var rules = new YangjiangHolidayCare().rules(ctx(JUNE_DAY));
            assertThat(rules.holidays()).isTrue();
            assertThat(rules.academicContentAllowed()).isFalse();
            assertThat(rules.citation()).isEqualTo("000 §三(三)");
        }

        @Test
        void a_city_may_switch_holiday_care_off() {
            var without = ctx(JUNE_DAY, Map.of(YangjiangConfig.SERVICES_OFFERED, "NOON_CARE,BASIC_CARE,QUALITY_COURSE"));
            assertThat(new YangjiangHolidayCare().rules(without).holidays()).isFalse();
            assertThat(window.check(without, session(ServiceKind.HOLIDAY_CARE, "08:00", "12:00")).allowed()).isFalse();
        }

        @Test
        void enrollment_is_apply_review_publish_confirm_sign_and_pay_online() {
            assertThat(enrollment.terms(ctx(JUNE_DAY)).steps()).containsExactly(EnrollmentStep.APPLY,
                    EnrollmentStep.SCHOOL_REVIEW, EnrollmentStep.PUBLISH_RESULT, EnrollmentStep.CONFIRM,
                    EnrollmentStep.SIGN_AGREEMENT, EnrollmentStep.PAY);
        }

        @Test
        void families_sign_the_application_safety_commitment_and_service_contract() {
            assertThat(enrollment.terms(ctx(JUNE_DAY)).documents()).extracting(d -> d.titleZh())
                    .containsExactly("学校课后服务申请书", "家校安全责任承诺书", "课后服务合同书（校内课后服务协议）");
        }

        @Test
        void courses_renew_each_term() {
            assertThat(enrollment.terms(ctx(JUNE_DAY)).period()).isEqualTo(EnrollmentPeriod.TERM_RENEWED);
            assertThat(compliance.duties(ctx(JUNE_DAY))).extracting(ComplianceDuty::code, ComplianceDuty::recurrence)
                    .contains(tuple("COURSE_LIST_RENEWAL", ComplianceDuty.Recurrence.TERMLY));
        }

        @Test
        void every_student_including_boarders_is_eligible() {
            assertThat(enrollment.eligible(ctx(JUNE_DAY), new StudentProfile("B1", 5, true, Set.of())).allowed()).isTrue();
        }
    }

    @Nested
    class Compliance {

        private final LocalDate termStart = LocalDate.of(2026, 9, 1);

        @Test
        void a_plan_must_be_approved_not_just_filed() {
            assertThat(codes(compliance.checkPlanFiling(ctx(JUNE_DAY), termStart, LocalDate.of(2026, 8, 1), false)))
                    .containsExactly("PLAN_NOT_APPROVED");
            assertThat(compliance.checkPlanFiling(ctx(JUNE_DAY), termStart, LocalDate.of(2026, 8, 1), true).allowed()).isTrue();
        }

        @Test
        void a_plan_approved_after_the_term_starts_is_refused() {
            assertThat(codes(compliance.checkPlanFiling(ctx(JUNE_DAY), termStart, LocalDate.of(2026, 9, 2), true)))
                    .containsExactly("PLAN_APPROVED_AFTER_TERM_START");
        }

        @Test
        void commercial_promotion_is_refused() {
            Decision decision = compliance.checkContent(ctx(JUNE_DAY),
                    course(ServiceKind.QUALITY_COURSE, true, ContentTag.SPORTS, ContentTag.COMMERCIAL_PROMOTION));
            assertThat(codes(decision)).containsExactly("CONTENT_COMMERCIAL_PROMOTION");
            assertThat(decision.reasons().get(0).citation()).isEqualTo("000 §七(四)2");
        }

        @Test
        void a_provider_selling_materials_is_refused() {
            assertThat(codes(compliance.checkContent(ctx(JUNE_DAY),
                    course(ServiceKind.QUALITY_COURSE, true, ContentTag.ARTS, ContentTag.MATERIAL_SALE))))
                    .containsExactly("CONTENT_COMMERCIAL_PROMOTION");
        }

        @Test
        void academic_teaching_in_basic_care_is_refused() {
            assertThat(codes(compliance.checkContent(ctx(JUNE_DAY), course(ServiceKind.BASIC_CARE, false, ContentTag.NEW_LESSON))))
                    .containsExactly("CONTENT_NOT_BASIC_CARE");
            assertThat(compliance.checkContent(ctx(JUNE_DAY),
                    course(ServiceKind.BASIC_CARE, false, ContentTag.READING, ContentTag.HOMEWORK)).allowed()).isTrue();
        }

        @Test
        void an_academic_quality_course_is_refused() {
            assertThat(codes(compliance.checkContent(ctx(JUNE_DAY),
                    course(ServiceKind.QUALITY_COURSE, true, ContentTag.ACADEMIC_SUBJECT))))
                    .containsExactly("CONTENT_ACADEMIC_SUBJECT");
            assertThat(compliance.checkContent(ctx(JUNE_DAY),
                    course(ServiceKind.QUALITY_COURSE, true, ContentTag.SCIENCE, ContentTag.MENTAL_HEALTH)).allowed()).isTrue();
        }

        @Test
        void academic_content_in_holiday_care_is_allowed_with_a_note() {
            Decision decision = compliance.checkContent(ctx(JUNE_DAY), course(ServiceKind.HOLIDAY_CARE, false, ContentTag.ACADEMIC_SUBJECT));
            assertThat(decision.allowed()).isTrue();
            assertThat(codes(decision)).containsExactly("CONTENT_MAINLY_NON_ACADEMIC");
        }

        @Test
        void duties_cover_approval_vetting_commitments_ledger_and_the_yearly_blacklist() {
            assertThat(compliance.duties(ctx(JUNE_DAY))).extracting(ComplianceDuty::code, ComplianceDuty::recurrence)
                    .contains(tuple("PLAN_APPROVAL", ComplianceDuty.Recurrence.BEFORE_TERM),
                            tuple("FUND_RULES_FILING", ComplianceDuty.Recurrence.BEFORE_TERM),
                            tuple("SERVICE_NOTICE", ComplianceDuty.Recurrence.BEFORE_SERVICE),
                            tuple("SAFETY_COMMITMENTS", ComplianceDuty.Recurrence.BEFORE_SERVICE),
                            tuple("STAFF_VETTING_FILING", ComplianceDuty.Recurrence.BEFORE_SERVICE),
                            tuple("LEDGER_RECONCILIATION", ComplianceDuty.Recurrence.TERMLY),
                            tuple("PROVIDER_BLACKLIST", ComplianceDuty.Recurrence.YEARLY));
        }

        @Test
        void the_ledger_is_published_with_students_fees_and_expenditure() {
            var reports = new YangjiangReports();
            assertThat(reports.reports(ctx(JUNE_DAY))).singleElement().satisfies(r -> assertThat(r.published()).isTrue());
            var table = reports.build(ctx(JUNE_DAY), YangjiangReports.LEDGER,
                    Samples.dataset("guangdong-yangjiang", JUNE_DAY.minusMonths(1), JUNE_DAY));
            assertThat(table.rows()).contains(List.of(Samples.urbanPrimary().code(), "基础托管", "22", "4400.00", "200.00",
                    "0.00", "3000.00"));
        }
    }
}
